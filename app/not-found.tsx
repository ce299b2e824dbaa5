import { ErrorNotice } from '@/app/_components/error-notice';
import { nb } from '@/lib/i18n/nb';

export default function NotFound() {
  return <ErrorNotice title={nb.errors.notFound} />;
}
