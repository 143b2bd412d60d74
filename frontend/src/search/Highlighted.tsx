import { markWords } from './searchModel';

/** Text with the words that begin with a typed word in <mark>; record data stays plain text. */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {markWords(text, words).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
