import { App as AntApp } from 'antd';
import { AppLayout } from './app-layout.tsx';

/**
 * The signed-in frame, loaded after sign-in: antd's App (the message/modal/notification context the signed-in
 * pages use through App.useApp) comes with it instead of with the sign-in page, which needs none of it.
 */
export default function SignedInShell() {
  return (
    <AntApp>
      <AppLayout />
    </AntApp>
  );
}
