/**
 * Every string of the console's own interface, in Simplified Chinese (the default language). Keys are namespaced:
 * `app.<screen>.<thing>` for screens, `resources.<resource>.{name,fields.<field>}` for react-admin resources.
 * en.ts must have exactly the same keys (checked by i18n.test.ts and by the `Messages` type).
 */
export const zhCN = {
  app: {
    login: {
      title: 'Redress 投诉管理', subtitle: '请使用工作邮箱登录', email: '邮箱', password: '密码', submit: '登录',
      demo_hint: '演示账号：admin@demo.local / agent@demo.local 等，密码 demo1234',
    },
    menu: {
      dashboard: '工作台', work_queue: '投诉工作台', intake: '登记投诉', policy_studio: '策略工作室', rules_section: '规则与发布',
      rule_builder: '规则设计器', publishing: '测试与发布', system_section: '系统', deliveries: '消息投递', notification_settings: '通知渠道', policy_settings: '编号与考核指标',
    },
    notice: {
      not_available_title: '此功能暂不可用',
      not_available_body: '当前服务尚未提供所需接口（%{operations}）。接口上线后此页面会自动启用，无需更新控制台。',
      operation_missing: '当前服务尚未提供此功能',
      done: '操作成功',
    },
    common: {
      key: '标识', key_help: '小写字母开头，可含数字和 _ . -；创建后不可修改（规则和投诉会引用它）', active: '启用', source: '来源',
      none: '（无）', text_zh: '%{label}（中文）', text_en: '%{label}（英文）',
    },
    validation: { key_format: '标识只能包含小写字母、数字和 _ . -，并以字母开头' },
    kind: { complaint: '投诉', suggestion: '建议', consultation: '咨询' },
    field_type: {
      text: '单行文本', long_text: '多行文本', number: '数字', money: '金额', date: '日期', datetime: '日期时间', select: '单选',
      multi_select: '多选', boolean: '是/否', phone: '电话', email: '邮箱', id_number: '证件号码', reference: '业务编号', attachment: '附件',
    },
    duration_kind: {
      working_days: '工作日', working_hours: '工作小时', working_minutes: '工作分钟', natural_days: '自然日', natural_hours: '小时', natural_minutes: '分钟',
    },
    duration: {
      working_days: '%{smart_count} 个工作日', working_hours: '%{smart_count} 个工作小时', working_minutes: '%{smart_count} 个工作分钟',
      natural_days: '%{smart_count} 天', natural_hours: '%{smart_count} 小时', natural_minutes: '%{smart_count} 分钟',
    },
    sla_target: {
      acknowledge: '受理确认', dispatch: '派单', first_response: '首次响应', progress_update: '进度通报', resolution: '处理完成',
      follow_up: '回访', regulatory_answer: '监管答复',
    },
    template_kind: { script: '话术', letter: '答复函', notice: '通知' },
    trigger: { warning: '即将超时', breach: '已超时', unsatisfied: '回访不满意', aggregate: '同类投诉聚集', cross_department: '跨部门' },
    action: { raise_severity: '提升严重程度', reassign: '改派', notify: '通知' },
    notify: { manager: '部门经理', assignee: '处理人', department: '责任部门', customer: '客户' },
    strategy: { manual: '人工派单', round_robin: '轮流分配', least_loaded: '分给最空闲的人' },
    hit_policy: { first: '第一条命中（按顺序）', collect: '收集全部命中', priority: '按优先级取最高' },
    roles: {
      admin: '系统管理员', manager: '经理', handler: '处理专员', agent: '坐席', analyst: '分析师', expert: '业务专家', auditor: '审计',
      api_client: '接口客户端',
    },
    complaintTypes: {
      root: '（顶级类型）', fields_help: '此类型表单显示的字段，按顺序；子类型会先继承上级类型的字段', preview: '登记表单预览',
      retention_help: '结案后保留的月数，到期后投诉及其个人信息被清理（60 = 5 年）；留空则沿用上级类型的期限，都未设置则一直保留',
    },
    fields: {
      personal_help: '个人信息加密存储，并按角色脱敏显示', option_value: '选项值', option_label_zh: '选项名称（中文）',
      option_label_en: '选项名称（英文）', conditions: '显示与必填条件', validation: '校验', min_length: '最少字数', max_length: '最多字数',
      min: '最小值', max: '最大值', pattern: '格式（正则表达式）', preview: '字段预览', preview_help: '可以试填，条件字段会随之显示或隐藏',
      preview_empty: '还没有字段',
    },
    channels: { realtime_help: '实时渠道的投诉需要立即确认受理' },
    finding_roles: { handler: '处理人', manager: '经理', admin: '管理员', agent: '首问受理人', expert: '业务专家', help: '不选则处理人、经理、管理员可记录' },
    finding_kind: { validity_criterion: '有效性判定', root_cause: '根本原因', responsibility: '责任认定', confirmed_cause: '确认原因' },
    calendars: {
      weekday: { 0: '周日', 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六' },
      start: '开始', end: '结束', date: '日期（YYYY-MM-DD）', bad_time: '请填写 00:00–24:00 之间的时间，如 09:00',
      bad_date: '请按 YYYY-MM-DD 填写日期', time_zone_help: 'IANA 时区名，如 Asia/Shanghai；保存时会校验',
      chinese_holidays_help: '按国务院公布的法定节假日和调休安排计算工作日（未覆盖的年份请在“节假日安排”中录入）',
    },
    holidays: {
      key_help: '年份，如 2027', name: '节日', start: '放假开始', end: '放假结束（含）', days: '共几天', date: '调休上班日期',
      import_title: '从国务院通知导入', import_help: '粘贴通知中的安排（每个节日一行），如“一、元旦：1月1日（周五）至3日（周日）放假，共3天。”',
      notice_text: '通知正文', import: '导入到草稿', imported: '已导入 %{year} 年节假日安排，发布后生效',
    },
    policy_settings: {
      title: '编号与考核指标', numbering: '投诉编号', number_pattern: '编号规则',
      number_pattern_help: '可用 {YYYY} {YY} {MM} {SEQ:n}；须含流水号和年月（流水号每月重新开始），默认 {YY}{MM}-{SEQ:4}',
      kpi_targets: '考核指标', kpi_help: '百分比；留空即采用默认值（及时率 95%、满意率 95%、有效解决率 90%）',
      by_target: '分时限项目的及时率目标', rate: '目标（%）', add_target: '添加时限项目', saved: '已保存到草稿，发布后生效',
      publish_hint: '修改保存在策略草稿中；周报和投诉编号自发布后的版本起采用新设置。',
    },
    severityLevels: { rank_help: '数字越大越严重' },
    slaPolicies: { target: '时限项目', amount: '时长', unit: '单位', warn_at: '预警点（%）', recurring: '循环（如每30分钟通报）' },
    incidents: {
      reply_all: '统一答复', close: '关闭事件', split: '拆分', merge: '合并到…', release: '移出',
      reply_text: '答复内容（逐一发送给每位客户）', solution: '处理措施', reply_help: '将向 %{count} 条投诉各发送一份答复，每条投诉的时限各自停止。',
      close_mode: '成员投诉', close_members: '一并关闭成员投诉', release_members: '释放成员投诉，各自继续处理', reason: '关闭原因',
      merge_into: '合并到事件', new_title: '新事件名称', split_members: '移入新事件的投诉',
      outcome: '已处理 %{ok} 条，未能处理 %{failed} 条',
      group_by_help: '这些事实取值相同的投诉归为同一事件（如 投诉类型 + 网络小区）',
      window_help: '相邻投诉的时间间隔不超过该分钟数', threshold_help: '达到该数量即形成批量事件（至少 2）',
      state: { open: '处理中', resolved: '已答复', closed: '已关闭', merged: '已合并' },
      joined_by: { rule: '规则归并', manual: '人工归并' },
    },
    escalations: {
      any_target: '（任意时限）', action_type: '动作', to_severity: '提升至', to_department: '改派至部门', notify_to: '通知对象', template: '使用模板',
    },
    templates: {
      variables: '插入变量（点击插入到光标处）', preview: '效果预览', preview_help: '以示例数据显示客户将看到的内容',
      unknown_variables: '未知变量：%{names}。请检查拼写，或从上方列表插入。',
      internal_help: '内部模板（公司机密）只供员工使用，永远不会发送给客户',
    },
    deliveries: {
      title: '消息投递', channel: '渠道', status: '状态', topic: '事由', complaint: '投诉 ID', all: '全部', replay_dead: '重发已放弃的投递',
      replayed: '已重新排队', total: '共 %{count} 条', retry: '重试', retried: '已重新排队',
      col: { created: '创建时间', channel: '渠道', topic: '事由', recipient: '收件人', subject: '主题/内容', status: '状态', attempts: '尝试次数', last_error: '原因/错误' },
      recipient_kind: { customer: '客户', user: '员工', email: '邮箱', webhook: 'Webhook' },
    },
    delivery_channel: { email: '电子邮件', sms: '短信', in_app: '站内通知', webhook: 'Webhook' },
    delivery_status: { pending: '等待中', sent: '已发送', failed: '失败待重试', dead: '已放弃' },
    notice_event: {
      complaint_submitted: '投诉受理', complaint_routed: '分派', complaint_transitioned: '状态变化', complaint_replied: '答复客户', complaint_closed: '结案',
      sla_warning: '时限预警', sla_breached: '超时', sla_extended: '延期',
    },
    notices: {
      template_help: '不选模板时，“答复客户”通知直接发送答复函内容', sla_help: '只对这些时限方案的投诉发送；延期通知按时限方案选择，不填为默认',
      states_help: '只在投诉处于这些状态时发送（如 awaiting_approval），用逗号分隔', urgent_help: '免打扰时段内也发送', targets_help: '时限预警/超时通知只针对这些时限项目（如 progress_update 进度通报）',
    },
    bell: {
      title: '通知', empty: '暂无通知', mark_all: '全部标为已读',
      kind: { assigned: '分派给我', approval: '待我审批', warning: '时限预警', breach: '已超时', mention: '提到我', webhook_disabled: 'Webhook 已停用', notice: '通知' },
    },
    channel_settings: {
      title: '通知渠道设置', password_stored: '已保存（留空则不变）',
      email: {
        title: '电子邮件（SMTP）', enabled: '启用', host: 'SMTP 服务器', port: '端口', secure: 'SSL/TLS（465）', requireTls: '必须加密', allowSelfSigned: '接受自签名证书',
        user: '用户名', password: '密码', from: '发件地址', fromName: '发件人名称', intakeAddress: '受理邮箱（回复地址）', intakeType: '来信默认投诉类型',
      },
      sms: {
        title: '短信', enabled: '启用', endpoint: '接口地址', format: '请求格式', format_generic: '通用 JSON', format_aliyun: '阿里云格式', format_tencent: '腾讯云格式',
        accessKeyId: 'AccessKey ID', signName: '短信签名', longMessages: '长短信', longMessages_concatenated: '由服务商拼接', longMessages_split: '分条发送',
        secret: '签名密钥', quiet_start: '免打扰开始', quiet_end: '免打扰结束',
      },
      webhooks: {
        title: 'Webhook 订阅', secret_once: '签名密钥只显示这一次，请立即保存：', url: '接收地址', create: '添加订阅', events: '事件', state: '状态',
        active: '启用中', disabled: '已停用', pause: '停用', enable: '重新启用（补发积压事件）', confirm_delete: '删除此订阅？尚未送达的事件将不再发送。',
      },
    },
    template_vars: {
      tenant__name: '公司名称', customer__name: '客户姓名', customer__title: '客户称谓', complaint__number: '投诉编号',
      complaint__typeName: '投诉类型', complaint__receivedAt: '受理时间', complaint__text: '投诉内容', complaint__reference: '业务编号',
      complaint__severityName: '严重程度', department__name: '责任部门', handler__name: '处理人', deadline__acknowledge: '受理确认时限',
      deadline__dispatch: '派单时限', deadline__first_response: '首次响应时限', deadline__resolution: '处理完成时限',
      deadline__follow_up: '回访时限', deadline__regulatory_answer: '监管答复时限', reply__solution: '处理方案', reply__rootCause: '原因分析',
      extension__reason: '延期原因', extension__newDeadline: '延期后时限',
    },
    template_samples: {
      tenant__name: '演示银行', customer__name: '张伟', customer__title: '先生', complaint__number: '2611-0001',
      complaint__typeName: '服务态度', complaint__receivedAt: '2026-11-02 09:30', complaint__text: '柜台办理业务时等待时间过长',
      complaint__reference: 'ORD-20261102-001', complaint__severityName: '一般', department__name: '个人金融部', handler__name: '陈刚',
      deadline__acknowledge: '2026-11-02 10:00', deadline__dispatch: '2026-11-02 10:00', deadline__first_response: '2026-11-03 17:30',
      deadline__resolution: '2026-11-05 17:30', deadline__follow_up: '2026-11-07 17:30', deadline__regulatory_answer: '2026-11-16 17:30',
      reply__solution: '已安排专人优化排队叫号流程', reply__rootCause: '高峰时段窗口开放不足', extension__reason: '需调取监控录像核实',
      extension__newDeadline: '2026-11-12 17:30',
    },
    operators: {
      '=': '等于', '!=': '不等于', '<': '小于', '<=': '小于等于', '>': '大于', '>=': '大于等于', in: '属于其中之一', notIn: '不属于',
      contains: '包含', between: '介于', null: '为空', notNull: '不为空',
      '===': '等于（类型相同）', '!==': '不等于（类型相同）', isEmpty: '未填写', notEmpty: '已填写',
    },
    rules: {
      tables: { validity: '有效性', severity: '严重程度', routing: '派单（责任部门）', sla: '时限（SLA）' },
      table_help: {
        validity: '判断投诉是否有效；无效投诉会附原因关闭，不会删除。',
        severity: '判定一般/紧急/重大等级别。',
        routing: '决定责任部门、班组和分配方式。',
        sla: '选择适用的时限方案。',
      },
      hit_policy: '命中方式', save_table: '保存此表', saved: '规则表已保存到草稿', validate: '校验草稿', add_row: '添加规则',
      row_number: '规则 %{n}', row_key: '规则标识', row_description: '说明（可选）', priority: '优先级', when: '当满足以下条件时',
      then: '结果', default: '都不满足时的默认结果', always: '没有条件：总是满足', visual_mode: '可视化', raw_mode: 'JSON',
      raw_help: 'JSON-logic 格式的条件', invalid_json: 'JSON 格式有误', back_to_visual: '返回可视化编辑',
      not_representable: '此条件无法用可视化方式表示，请继续用 JSON 编辑', and: '并且', or: '或者', add_condition: '添加条件',
      add_group: '添加条件组', fact: '数据项', choose_fact: '选择数据项', operator: '比较方式', value: '值',
      condition_input_help: '留空表示总是成立', outcome_valid: '有效投诉', outcome_invalid: '无效投诉', invalid_reason: '无效原因代码',
      invalid_reason_text: '无效原因说明', outcome_severity: '严重程度', outcome_sla: '时限方案', outcome_department: '责任部门',
      outcome_team: '班组', outcome_strategy: '分配方式', outcome_json: '结果（JSON）',
    },
    tests: {
      run: '运行测试', summary: '通过 %{passed} / %{total}', add: '添加测试用例', add_fact: '添加数据项',
      expect_valid: '应为有效投诉', expect_invalid_reason: '应为无效原因', expect_severity: '应判定严重程度', expect_department: '应派至部门',
      expect_sla: '应适用时限方案',
      expect_short: { valid: '有效', invalidReason: '无效原因', severity: '严重程度', department: '部门', slaPolicy: '时限' },
    },
    publishing: {
      steps: { check: '校验与测试', simulate: '模拟', publish: '发布' },
      check_title: '1. 校验草稿并运行测试', check_help: '发现的问题会标明位置；测试未通过时不能发布', check: '校验并测试',
      no_problems: '草稿校验通过', problems: '发现 %{smart_count} 个问题',
      simulate_title: '2. 模拟草稿', simulate_help: '用草稿重新判定近期投诉，看看哪些结果会改变', simulate: '模拟草稿',
      simulation_summary: '汇总', simulation_differences: '结果会改变的投诉',
      last_n: '最近投诉数量', department_load: '草稿下各部门的有效投诉数',
      simulation_counts: '共模拟 %{total} 件投诉，%{changed} 件结果改变（部门 %{department}、严重程度 %{severity}、时限 %{sla}）',
      publish_title: '3. 发布', publish_help: '发布后新投诉按新版本处理；需要复核时由另一位经理批准后生效', publish: '发布',
      check_first: '建议先完成校验和测试', confirm_publish: '确定发布当前草稿吗？',
      approve_title: '批准待发布版本', approve_help: '复核他人提交的版本（制作者与复核者不能是同一人）', approve: '批准',
      diff_title: '版本对比', diff: '对比',
      rollback_title: '回滚', rollback_help: '以所选历史版本的内容发布一个新版本', rollback: '回滚', confirm_rollback: '确定回滚到该版本吗？',
    },
    version_status: { pending_approval: '待批准', published: '已发布', rejected: '已驳回' },
    sla: {
      status: { on_time: '正常', at_risk: '即将超时', breached: '已超时', stopped: '已完成' },
      remaining: '%{days}天%{hours}小时%{minutes}分', remaining_working: '%{days}个工作日%{hours}小时%{minutes}分', overdue_by: '超出 ',
    },
    complaint: {
      files: { title: '附件', none: '暂无附件', source_staff: '坐席上传', source_portal: '客户在线提交', source_email: '邮件附件' },
      tabs: { form: '登记信息', decisions: '判定说明', timeline: '处理记录', sla: '时限' },
      no_events: '暂无处理记录', no_decisions: '暂无判定记录', no_clocks: '暂无时限', holiday_data_missing: '缺少 %{years} 年节假日数据，时限可能不准', why: '为什么是这个%{decision}',
      policy_version: '依据策略版本 %{version}', outcome: '结果', defaulted: '没有规则命中，采用默认结果', matched: '命中规则：%{rows}',
      actions: '处理操作', closed: '此投诉已结案', transition: '变更状态', do_transition: '变更', assign: '分派', do_assign: '分派',
      reply: '答复客户', template: '答复模板', reply_body: '答复内容', send_reply: '发送答复', follow_up: '记录回访', do_follow_up: '记录',
      extend: '申请延期', do_extend: '延期', record_finding: '调查结论', do_record_finding: '记录结论',
    },
    intake: {
      title: '登记投诉', subtitle: '电话受理时按顺序填写；所选类型的专属字段会出现在下方', type: '投诉类型', channel: '受理渠道',
      customer_name: '客户姓名', customer_phone: '联系电话', complaint_title: '标题（可选）', text: '投诉内容',
      text_help: '尽量记录客户原话：时间、地点、经过', requested_remedy: '客户诉求', type_fields: '该类型需要的信息', submit: '提交登记',
      created: '已登记，编号 %{number}', created_title: '已登记：%{number}', open: '打开投诉', invalid_phone: '请输入有效的电话号码',
      hint: '提交后，这里会显示投诉编号、判定的严重程度、责任部门和处理时限。', add_files: '上传附件', attachments_later: '附件可在登记后上传',
      personal_suffix: '（个人信息）',
      policy_unavailable: '无法读取已发布的投诉策略（类型、渠道和字段），暂不能登记。请联系管理员确认已发布策略且您的角色可以读取。',
      draft_notice: '尚无可读取的已发布策略，表单按草稿显示；提交时以已发布策略为准。',
      valid: '有效投诉', invalid: '无效投诉：%{reason}',
    },
    channel: {
      phone: '电话', email: '邮件', letter: '信函', fax: '传真', visit: '来访', comment_book: '意见簿', web: '网站', app: '手机应用',
      social_media: '社交媒体', news_media: '新闻媒体', regulator: '监管转办', leadership: '领导转办',
    },
    plugins: {
      enable: '为本租户启用', enabled: '已启用', enabled_notice: '插件已启用，新增内容已加入草稿', confirm_enable: '确定启用插件“%{name}”吗？',
    },
    access: {
      invite: '邀请', invite_title: '邀请同事', teams: '所在小组（策略中的小组标识）', department: '部门标识', status: '状态',
      active: '在职', inactive: '已停用', pending: '待接受邀请', search: '搜索姓名或邮箱',
      deactivate: '停用', reactivate: '重新启用', confirm_deactivate: '停用 %{name}？其登录会话和创建的接口令牌将立即失效。',
      reset_password: '重置密码', reset_second_factor: '关闭双重验证', confirm_reset_second_factor: '关闭 %{name} 的双重验证？',
      link_title: '一次性链接', link_sent: '链接已通过邮件发送给对方。', link_copy: '未配置邮件：请把下面的链接发给对方。链接只显示这一次，有效期至 %{expires}。',
      set_password_invitation: '接受邀请并设置密码', set_password_reset: '设置新密码', new_password: '新密码', confirm_password: '再次输入新密码',
      password_mismatch: '两次输入的密码不一致', password_hint: '至少 10 个字符，避免常见密码、键盘序列和自己的姓名邮箱',
      save_password: '保存并登录', missing_token: '链接不完整，请使用邮件或管理员提供的完整链接',
      profile: '个人设置', change_password: '修改密码', current_password: '当前密码', password_changed: '密码已修改，其他设备上的登录已失效',
      second_factor: '双重验证（身份验证器）', second_factor_on: '已启用：登录时需要输入验证器中的 6 位验证码。',
      second_factor_off: '未启用。启用后，登录时除密码外还需要验证器（如 Microsoft Authenticator、Google 身份验证器）中的验证码。',
      second_factor_roles: '双重验证适用于管理员和经理。', enable_second_factor: '启用双重验证', second_factor_secret: '在验证器中添加账号，密钥：',
      second_factor_uri: '或使用此链接生成二维码：', code: '6 位验证码', confirm: '确认', disable_second_factor: '关闭双重验证',
      recovery_title: '恢复码', recovery_once: '每个恢复码只能使用一次，在手机丢失时代替验证码登录。恢复码只显示这一次，请妥善保存。',
      code_required: '请输入身份验证器中的验证码（或恢复码）',
      tenant_settings: '租户设置', tenant_name: '名称', time_zone: '时区', locale: '默认语言', number_pattern: '投诉编号规则',
      number_pattern_help: '可用 {YY} {YYYY} {MM} {SEQ:4}', saved: '已保存',
      sso: '单点登录（OpenID Connect）', sso_enabled: '启用单点登录', issuer: '签发者（Issuer）URL', client_id: '客户端 ID',
      client_secret: '客户端密钥（留空则保持不变）', default_role: '新用户默认角色', auto_provision: '首次登录时自动创建用户',
      redirect_uri: '在身份提供方登记的回调地址：%{uri}', sso_login: '企业统一身份认证（SSO）', tenant_slug: '租户标识',
      tenant_slug_hint: '属于多个租户或使用单点登录时填写',
      choose_tenant: '该邮箱属于多个租户，请选择要登录的租户：', switch_tenant: '切换租户',
      sso_callback: '正在完成单点登录…', sso_failed: '单点登录失败',
    },
    tokens: { revoke: '吊销', secret_title: '新令牌已创建', secret_once: '令牌只显示这一次，请立即复制并妥善保存。' },
    complaint_action: {
      finding_code: '调查结论', finding_note: '调查说明（可选）', no_finding_codes: '当前策略未配置调查结论代码',
      no_transitions: '当前状态下没有可执行的状态变更', target_state: '目标状态', comment: '备注（可选）', department: '责任部门',
      assignee: '处理人', assignee_id: '处理人 ID', reassign_reason: '改派原因（改派时必填）', solution: '解决方案（可选）',
      root_cause: '根本原因（可选）', satisfied: '客户是否满意', satisfied_yes: '满意', satisfied_no: '不满意', score: '评分',
      method: '回访方式', sla_target: '延期的时限', no_running_clocks: '没有进行中的时限', extend_reason: '延期原因',
    },
    follow_up_method: { phone: '电话', sms: '短信', email: '邮件', visit: '上门', app: '手机应用' },
    cause: {
      title: '投诉原因（智能预测）', no_model: '尚无已训练的原因模型，暂无预测。', model_version: '模型版本 v%{version}',
      confirmed: '已确认原因：%{cause}', predicted: '预测原因', confidence: '置信度 %{percent}%', alternatives: '其他可能',
      keywords: '影响预测的关键词', similar: '相似的历史投诉', similarity: '相似度 %{percent}%', accept: '采纳', correct: '更正',
      cause_input: '正确的原因', cause_help: '可从候选中选择或直接输入；确认的原因会用于下次训练', save: '确认', saved: '原因已确认，将用于下次模型训练',
    },
    exports: {
      stats_csv: '统计表 CSV', stats_xlsx: '统计表 Excel', complaints_csv: '投诉明细 CSV', complaints_xlsx: '投诉明细 Excel',
      progress: '正在导出… %{percent}%', downloaded: '导出完成，共 %{rows} 行', failed: '导出失败',
    },
    alerts: {
      title: '预警', none: '暂无预警', acknowledge: '确认', acknowledged: '已确认', evidence: '实际 %{observed} 件，基线 %{baseline} 件',
      complaint: '投诉%{n}', kind: { spike: '激增', repeat_complainant: '重复投诉' },
    },
    model: {
      title: '原因分类模型', help: '用已确认原因的投诉训练；新版本须通过质量门（留出准确率不低于使用中的版本超过容差）才会启用', train: '训练模型', failed: '模型训练失败',
      trained: '模型 v%{version} 训练完成', refused: '模型 v%{version} 未通过质量门，继续使用原版本', progress: '正在训练 v%{version}… %{percent}%', none: '尚未训练过模型', active: '使用中',
      columns: { version: '版本', status: '状态', samples: '样本数', accuracy: '准确率', macro_f1: '宏平均 F1', gate: '质量门', trained_at: '完成时间' },
      status: { training: '训练中', ready: '可用', failed: '失败', retired: '已停用', refused: '未启用' },
      gate: {
        activated: '已启用', refused: '已拒绝', first_model: '首个模型', not_worse: '不低于使用中的版本', worse: '比使用中的版本差',
        not_measured: '未能测量准确率', figures: '本版 %{candidate}，v%{version} %{active}，容差 %{margin} + 抽样误差 %{noise}',
      },
      uncertain: {
        title: '待标注：预测最不确定的投诉', help: '两个最可能原因的概率最接近的排在前面；确认它们的原因最能提升下次训练',
        none: '没有待确认原因的投诉', between: '%{cause} %{percent} / %{other} %{other_percent}',
      },
    },
    dashboard: {
      weekly_title: '本周投诉情况', previous_week: '上一周', next_week: '下一周', statistics_table: '投诉统计表', trend: '投诉趋势',
      hot_causes: '热点原因', count: '数量', share: '占比', no_data: '暂无数据', target: '目标 ≥ %{target}%', met: '达标', not_met: '未达标',
      trend_help: '最近 %{weeks} 周，每周受理量', unspecified: '（未填写）',
      kpi: { onTimeRate: '及时处理率', satisfactionRate: '满意率', effectiveResolutionRate: '有效解决率' },
      dimension: { byType: '按类型', byCause: '按原因', byDepartment: '按部门', byChannel: '按渠道', bySeverity: '按严重程度' },
    },
    result: {
      empty: '（无）', total: '总数', changed: '结果改变', unchanged: '结果不变', number: '投诉编号', field: '项目', before: '原结果',
      after: '新结果', from: '原版本', to: '新版本', added: '新增', removed: '删除', version: '版本', path: '位置', message: '说明',
      severity: '严重程度', department: '部门', valid: '有效', slaPolicy: '时限方案', complaints: '投诉数',
    },
    args: {
      note: '说明', version: '版本号', from: '起始版本', to: '目标版本', comment: '备注', assignee: '处理人', assigneeEmail: '处理人邮箱',
      reason: '原因', days: '天数', limit: '数量上限', satisfied: '客户满意（true/false）', result: '回访结果', toVersion: '目标版本',
      department: '部门', departmentKey: '部门', newDeadline: '新期限', approve: '批准（true/false）',
    },
    enum: {
      received: '已受理', registered: '已登记', dispatched: '已派单', in_progress: '处理中', resolved: '已解决', awaiting_follow_up: '待回访',
      follow_up: '回访中', closed: '已结案', invalid: '无效', reopened: '重新处理', pending_approval: '待审批', escalated: '已升级',
    },
    event: {
      submitted: '登记', decided: '系统判定', dispatched: '派单', assigned: '分派', transitioned: '状态变更', replied: '答复',
      follow_up: '回访', extended: '延期', escalated: '升级', sla_warning: '即将超时', sla_breach: '已超时', comment: '备注',
      delivery: { sent: '消息已发送', dead: '消息发送失败（已放弃）' }, customer: { replied: '客户来信' }, policy: { fault: '策略配置故障（已采用默认设置）' }, sla: { holiday_data_missing: '缺少节假日数据，时限需核对' }, finding: { recorded: '记录调查结论' },
    },
    filters: {
      state: '状态', severity: '严重程度', department: '部门', type: '类型', channel: '渠道', assignee: '处理人', slaStatus: '时限状态',
      number: '编号', from: '起始日期', to: '截止日期',
    },
  },
  resources: {
    incidentRules: {
      name: '批量事件规则 |||| 批量事件规则',
      fields: { name: '名称', when: '适用条件', groupBy: '归并依据', windowMinutes: '时间窗口（分钟）', threshold: '阈值（投诉数）', department: '牵头部门' },
    },
    incidents: {
      name: '批量事件 |||| 批量事件',
      fields: {
        title: '事件', state: '状态', memberCount: '投诉数', firstAt: '首条投诉', lastAt: '最近投诉', dueAt: '最早处理时限', department: '牵头部门',
        ruleKey: '归并规则', groupKey: '归并依据', resolution: '处理结果', members: '成员投诉', joinedBy: '归并方式', releasedAt: '移出时间',
      },
    },
    complaints: {
      name: '投诉 |||| 投诉',
      fields: {
        number: '编号', title: '标题', text: '内容', type: '类型', severity: '严重程度', state: '状态', department: '责任部门', sla: '时限',
        receivedAt: '受理时间', channel: '渠道', requestedRemedy: '诉求', reference: '业务编号', valid: '有效性', resolutionDueAt: '处理时限',
      },
    },
    complaintTypes: {
      name: '投诉类型 |||| 投诉类型',
      fields: { name: '名称', parentKey: '上级类型', kind: '性质', fields: '表单字段', defaultSeverity: '默认严重程度', defaultDepartment: '默认责任部门', retentionMonths: '保留期限（结案后月数）' },
    },
    fields: {
      name: '表单字段 |||| 表单字段',
      fields: {
        label: '名称', type: '类型', required: '必填', personal: '个人信息', options: '选项', visibleWhen: '何时显示', requiredWhen: '何时必填',
        help: '填写说明',
      },
    },
    channels: { name: '受理渠道 |||| 受理渠道', fields: { name: '名称', realtime: '实时渠道' } },
    departments: { name: '部门 |||| 部门', fields: { name: '名称', parentKey: '上级部门', region: '区域', managerEmail: '部门经理' } },
    teams: { name: '班组 |||| 班组', fields: { name: '名称', departmentKey: '所属部门', members: '成员' } },
    severityLevels: { name: '严重程度 |||| 严重程度', fields: { name: '名称', rank: '级别', requiresApproval: '方案需经理批准', color: '颜色' } },
    calendars: {
      name: '工作日历 |||| 工作日历',
      fields: {
        name: '名称', timeZone: '时区', workingHours: '工作时间', weekendDays: '休息日', useChineseHolidays: '按法定节假日与调休',
        closures: '本单位停业日', extraWorkingDays: '本单位加班日',
      },
    },
    findingCodes: { name: '调查结论代码 |||| 调查结论代码', fields: { name: '名称', kind: '类别', roles: '可记录的角色' } },
    holidaySchedules: {
      name: '节假日安排 |||| 节假日安排',
      fields: { key: '键（年份）', year: '年份', source: '依据（通知文号）', holidays: '放假', makeupWorkdays: '调休上班' },
    },
    slaPolicies: { name: '时限方案 |||| 时限方案', fields: { name: '名称', targets: '时限项目' } },
    escalations: { name: '升级规则 |||| 升级规则', fields: { name: '名称', trigger: '触发', target: '针对时限', when: '附加条件', actions: '动作' } },
    templates: {
      name: '答复模板 |||| 答复模板',
      fields: { name: '名称', kind: '类别', channel: '渠道', typeKeys: '适用类型', subject: '主题', body: '正文', internal: '内部模板（不发给客户）' },
    },
    notices: {
      name: '通知规则 |||| 通知规则',
      fields: { name: '名称', event: '时机', to: '发给', channels: '渠道', template: '模板', slaPolicies: '时限方案', typeKeys: '投诉类型', states: '投诉状态', targets: '时限项目', urgent: '紧急' },
    },
    tests: { name: '规则测试 |||| 规则测试', fields: { description: '说明', facts: '示例投诉数据', expect: '期望结果' } },
    policyVersions: {
      name: '策略版本 |||| 策略版本',
      fields: { version: '版本', status: '状态', note: '说明', createdAt: '提交时间', publishedAt: '发布时间', rolledBackFrom: '回滚自版本' },
    },
    plugins: { name: '行业插件 |||| 行业插件', fields: { name: '名称', id: '标识', version: '版本', description: '说明' } },
    users: { name: '人员 |||| 人员', fields: { displayName: '姓名', email: '邮箱', role: '角色', teams: '小组', lastLoginAt: '最近登录', totpEnabled: '双重验证' } },
    apiTokens: {
      name: '接口令牌 |||| 接口令牌',
      fields: { name: '名称', role: '角色', prefix: '前缀', createdAt: '创建时间', revokedAt: '吊销时间', expiresAt: '到期时间', lastUsedAt: '最近使用' },
    },
    auditLog: { name: '审计日志 |||| 审计日志', fields: { at: '时间', action: '操作', entity: '对象', entityKey: '标识', actor: '操作人' }, system: '系统' },
  },
};

/** The shape every language must fill: the same keys, string values. */
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof zhCN>;
