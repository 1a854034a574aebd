/** The zh-CN strings of the room elements, which load with them instead of with the main file. */
import { addTranslations } from '../shared/localize.js';
import { templates as zhCN } from './locales/zh-CN.js';

let added = false;

/** Adds the room elements' translations once; each room element calls it when created. */
export function useRoomStrings(): void {
  if (added) return;

  added = true;
  addTranslations('zh-CN', zhCN);
}
