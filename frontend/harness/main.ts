// The app over the in-memory mock backend (src/dev/mockBackend.ts), for screenshots and for
// looking at the UI without Go. `?view=day|week|month|agenda` picks the calendar view; `?lang=bn`
// the language. Built by vite.harness.config.ts; not part of the app's bundle.
import { installMockBackend } from '../src/dev/mockBackend';

const params = new URLSearchParams(location.search);
const view = params.get('view');
if (view) localStorage.setItem('fieldbook.calendar.view', view);
installMockBackend();
void import('../src/main');
