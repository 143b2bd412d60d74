import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogEmail } from '../api';
import { notifyError, notifySuccess } from '../lib/notify';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { carriesFiles, isEmlFile, readAsBase64 } from './emlFile';

/**
 * While mounted, an .eml file dropped anywhere on the page is logged as an e-mail of the contact.
 * Returns whether files are being dragged over the page (for the highlight). A drop another
 * element handled (defaultPrevented) is left alone; anything but an .eml gets a clear error.
 */
export function useEmlDrop(contactId: string | null): boolean {
  const { t } = useTranslation();
  const logEmail = useLogEmail();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const mutate = useRef(logEmail.mutateAsync);
  mutate.current = logEmail.mutateAsync;

  useEffect(() => {
    if (!contactId) return;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      depth.current += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e.dataTransfer) || e.defaultPrevented) return;
      e.preventDefault(); // allow the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (e.defaultPrevented || !carriesFiles(e.dataTransfer)) return;
      e.preventDefault(); // never let the webview navigate to the file
      const files = Array.from(e.dataTransfer?.files ?? []);
      void handle(files);
    };
    const handle = async (files: File[]) => {
      if (files.length === 0) return;
      const emls = files.filter(isEmlFile);
      if (emls.length === 0) {
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: t('timeline.drop.notEml', { name: files[0].name }),
          icon: <IconAlertTriangle size={18} />,
          autoClose: 8000,
          'data-testid': 'error-notification',
        });
        return;
      }
      for (const f of emls) {
        try {
          const data = await readAsBase64(f);
          const res = await mutate.current({ contactId, fileName: f.name, dataBase64: data });
          notifySuccess(res.alreadyLogged ? t('timeline.drop.already', { subject: res.activity.subject }) : t('timeline.drop.logged', { subject: res.activity.subject }));
        } catch (err) {
          notifyError(err, t);
        }
      }
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
      depth.current = 0;
    };
  }, [contactId, t]);

  return dragging;
}
