
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
's0464e14623d1cca5': `对方不在线`,
's1181e51777d92f78': `正在等待链上记录…`,
's123da0f92f97dd86': `拒绝`,
's13be1af9766661e9': `接听`,
's14f1ad0eac91eca8': str`费用：每开始一分钟 ${0} DUST · 余额 ${1} DUST`,
's1a66707130b563ef': `通话已结束：连接遭到篡改`,
's1c6b1134f376166b': `播放铃声`,
's2176770969da5882': `扬声器`,
's232f88877550dfa9': `麦克风`,
's2a02d2a7e41d6700': `对方忙线`,
's2ceb11be2290bb1b': `取消`,
's30ce2da4f95dcc62': `正在连接，稍后即可接听通话…`,
's32ccfe125d76f9f8': str`${0} 属性为空：请至少列出一个以 ${1} 开头的 URL。`,
's362567468e57fe57': str`${0} 来电`,
's3749372227d9f6ae': `挂断`,
's3e562b9af7aa749e': `链上未能结算此次通话。`,
's444a7e51f37de6ad': str`链上记录（按区块计时）：${0} · 费用 ${1} DUST · 挖矿奖励 ${2} DUST`,
's4653a57608b68430': `未接来电`,
's500e56585c40d6d9': str`${0} 属性必须是 ${1} 之一，当前值为 ${2}。`,
's5208745cd4708233': `正在连接…`,
's5e8250fb85d64c23': `关闭`,
's60ac302f1ba7a352': str`缺少 ${0} 属性：请设置为以 ${1} 开头的 URL。`,
's638dbe3d83247ba6': str`通话质量：最后 ${0}/5 · 平均 ${1}/5`,
's71be6327572431d8': str`通话质量 ${0}/5`,
's76c596c627500b1a': `通话质量未知`,
's77d3ed7942961df5': str`${0} 属性必须以 ${1} 开头，当前值为 ${2}。`,
's7a72266194c12aaa': `已在其他设备上接听`,
's7dfc22ad37bfdf0f': str`呼叫 ${0}`,
's855bb4e2b08d1a18': `无人接听`,
's8c90ac72b6b2d832': ` 或 `,
's913f470bf3d0f5e9': str`${0} 属性不是有效的 URL：${1}。`,
's9f281bfde709c495': `请先连接钱包账户再接听通话。`,
'sa7076f512b955295': str`正在呼叫 ${0}…`,
'sa99fb25764d97e38': `Stardust Voice 尚未配置`,
'saf6bc9c3ff9189ff': `准备呼叫`,
'sc07837c309cc699b': `取消静音`,
'scbb85d4055c08499': `通话已结束`,
'sd667856c73082c35': str`设备 ${0}`,
'sd8816c676ab887c9': `此页面未设置通话：配置缺失或无效。`,
'sde0fea898cec89f8': `通话中断：网络问题`,
'se0f67eae944f8f94': `静音`,
'se12ea0e9f5194e67': `请先连接钱包账户再发起通话。`,
'se91401e1810c765d': `对方已拒绝`,
'seb1d90ff4031dd02': `通话时长`,
'see2299cabb4cefce': `等待来电`,
'sf24ba96ce093a612': `已取消呼叫`,
'sf3076c4eacf3f6ab': str`正在与 ${0} 通话`,
    };
  