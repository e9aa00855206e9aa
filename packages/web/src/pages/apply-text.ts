import { usePageText } from '../i18n/page-text.ts';

/** The apply page's strings for editing a saved draft. */
const zh = {
  editDraftTitle: '继续编辑申请草稿',
  editDraftIntro: '草稿已保存的内容已填入，可修改后再次保存或提交。告知与同意须重新勾选。',
  editDraft: '继续编辑草稿',
  draftHint: '这是尚未提交的草稿，调解组织还看不到它。补全内容后请提交。',
};
const en: typeof zh = {
  editDraftTitle: 'Continue your draft application',
  editDraftIntro:
    'What you saved is filled in: change it, then save again or submit. Tick the notices and consents again.',
  editDraft: 'Continue editing the draft',
  draftHint: 'This draft has not been submitted; the organization cannot see it yet. Complete it and submit.',
};

export const useApplyText = () => usePageText(zh, en);
