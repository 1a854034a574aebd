
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
's32ccfe125d76f9f8': str`${0} 属性为空：请至少列出一个以 ${1} 开头的 URL。`,
's500e56585c40d6d9': str`${0} 属性必须是 ${1} 之一，当前值为 ${2}。`,
's60ac302f1ba7a352': str`缺少 ${0} 属性：请设置为以 ${1} 开头的 URL。`,
's77d3ed7942961df5': str`${0} 属性必须以 ${1} 开头，当前值为 ${2}。`,
's8c90ac72b6b2d832': ` 或 `,
's913f470bf3d0f5e9': str`${0} 属性不是有效的 URL：${1}。`,
'sa99fb25764d97e38': `Stardust Voice 尚未配置`,
    };
  