/** The zh-CN strings of the voice elements, which load with them instead of with the main file. */
import { addTranslations } from '../shared/localize.js';
import { templates as zhCN } from './locales/zh-CN.js';

let added = false;

/** Adds the voice elements' translations once; each voice element calls it when created. */
export function useVoiceStrings(): void {
  if (added) return;

  added = true;
  addTranslations('zh-CN', zhCN);
}
