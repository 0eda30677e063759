/**
 * The standard report format (国办公开办函〔2021〕30号 and the 2019 trial format it replaced), as
 * data. Parser, checker, renderer, docs and test generators read this file; the AST's key types are
 * derived from it. A reviewer who cannot read parser code can still read and correct the format here.
 *
 * `phrases` are key phrases matched against a label after it is normalised (simplified script, NFKC,
 * no whitespace, punctuation or ordinal markers). Longer phrases win over shorter ones, so a label
 * is recognised by the most specific phrase it contains.
 */

export const FORMAT_VERSIONS = ['2021', '2019', 'pre-2019'] as const;

/** The six parts of a report, in order. */
export const SECTIONS = [
  {
    key: 'overview',
    numeral: '一',
    heading: '总体情况',
    phrases: ['总体情况', '概述', '基本情况'],
  },
  {
    key: 'activeDisclosure',
    numeral: '二',
    heading: '主动公开政府信息情况',
    phrases: ['主动公开政府信息', '主动公开情况', '主动公开'],
  },
  {
    key: 'applications',
    numeral: '三',
    heading: '收到和处理政府信息公开申请情况',
    phrases: ['收到和处理政府信息公开申请', '收到和处理', '政府信息公开申请情况', '依申请公开'],
  },
  {
    key: 'reviewLitigation',
    numeral: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    phrases: ['行政复议', '行政诉讼'],
  },
  {
    key: 'problems',
    numeral: '五',
    heading: '存在的主要问题及改进情况',
    phrases: ['存在的主要问题', '存在问题', '主要问题', '改进情况', '改进措施'],
  },
  {
    key: 'other',
    numeral: '六',
    heading: '其他需要报告的事项',
    phrases: ['其他需要报告', '其他事项', '其他需报告'],
  },
] as const;

/**
 * Headings only reports before the 2019 format have (part titles of the 2008-era template). One of
 * these, or a seventh numbered part, marks a pre-2019 report.
 */
export const PRE_2019_HEADING_PHRASES = [
  '收费及减免',
  '依申请公开政府信息情况',
  '因政府信息公开申请提起行政复议',
  '因政府信息公开申请行政复议',
  '政府信息公开的收费',
] as const;

/** Table 二 (主动公开), 2021 format: four blocks titled by the article of the 条例 they report on. */
export const ACTIVE_DISCLOSURE_2021 = {
  rows: [
    { key: 'regulations', label: '规章', phrases: ['规章'] },
    { key: 'normativeDocuments', label: '行政规范性文件', phrases: ['行政规范性文件', '规范性文件'] },
    { key: 'licensing', label: '行政许可', phrases: ['行政许可'] },
    { key: 'punishment', label: '行政处罚', phrases: ['行政处罚'] },
    { key: 'enforcement', label: '行政强制', phrases: ['行政强制'] },
    { key: 'fees', label: '行政事业性收费', phrases: ['行政事业性收费', '事业性收费'] },
  ],
  columns: [
    { key: 'issued', label: '本年制发件数', phrases: ['本年制发', '制发'] },
    { key: 'repealed', label: '本年废止件数', phrases: ['本年废止', '废止'] },
    { key: 'inForce', label: '现行有效件数', phrases: ['现行有效'] },
    { key: 'decisions', label: '本年处理决定数量', phrases: ['处理决定'] },
    { key: 'amount', label: '本年收费金额（单位：万元）', phrases: ['收费金额'], unit: '万元' },
  ],
  blocks: [
    { article: '（一）', rows: ['regulations', 'normativeDocuments'], columns: ['issued', 'repealed', 'inForce'] },
    { article: '（五）', rows: ['licensing'], columns: ['decisions'] },
    { article: '（六）', rows: ['punishment', 'enforcement'], columns: ['decisions'] },
    { article: '（八）', rows: ['fees'], columns: ['amount'] },
  ],
} as const;

/** Table 二 (主动公开), 2019 trial format. */
export const ACTIVE_DISCLOSURE_2019 = {
  rows: [
    { key: 'regulations', label: '规章', phrases: ['规章'] },
    { key: 'normativeDocuments', label: '规范性文件', phrases: ['规范性文件'] },
    { key: 'licensing', label: '行政许可', phrases: ['行政许可'] },
    { key: 'otherServices', label: '其他对外管理服务事项', phrases: ['其他对外管理服务', '对外管理服务'] },
    { key: 'punishment', label: '行政处罚', phrases: ['行政处罚'] },
    { key: 'enforcement', label: '行政强制', phrases: ['行政强制'] },
    { key: 'fees', label: '行政事业性收费', phrases: ['行政事业性收费', '事业性收费'] },
    { key: 'procurement', label: '政府集中采购', phrases: ['政府集中采购', '集中采购'] },
  ],
  columns: [
    { key: 'newlyMade', label: '本年新制作数量', phrases: ['新制作'] },
    { key: 'newlyPublished', label: '本年新公开数量', phrases: ['新公开'] },
    { key: 'publishedTotal', label: '对外公开总数量', phrases: ['对外公开总'] },
    { key: 'previousYearItems', label: '上一年项目数量', phrases: ['上一年项目'] },
    { key: 'change', label: '本年增/减', phrases: ['本年增减', '增减'] },
    { key: 'decisions', label: '处理决定数量', phrases: ['处理决定'] },
    { key: 'items', label: '采购项目数量', phrases: ['采购项目'] },
    { key: 'amount', label: '采购总金额', phrases: ['采购总金额'], unit: '万元' },
  ],
  blocks: [
    { article: '（一）', rows: ['regulations', 'normativeDocuments'], columns: ['newlyMade', 'newlyPublished', 'publishedTotal'] },
    { article: '（五）', rows: ['licensing', 'otherServices'], columns: ['previousYearItems', 'change', 'decisions'] },
    { article: '（六）', rows: ['punishment', 'enforcement'], columns: ['previousYearItems', 'change', 'decisions'] },
    { article: '（八）', rows: ['fees'], columns: ['previousYearItems', 'change'] },
    { article: '（九）', rows: ['procurement'], columns: ['items', 'amount'] },
  ],
} as const;

/**
 * Column headers only the 2019 table 二 has. Any of them in table 二 marks a 2019-format report.
 */
export const ACTIVE_DISCLOSURE_2019_MARKERS = ['新制作', '新公开', '对外公开总', '上一年项目', '集中采购'] as const;

/** Table 三 (收到和处理政府信息公开申请): 25 rows × 7 columns (8 with a 小计 column). */
export const APPLICATIONS = {
  columns: [
    { key: 'naturalPerson', label: '自然人', phrases: ['自然人'] },
    { key: 'commercial', label: '商业企业', phrases: ['商业企业', '企业'] },
    { key: 'research', label: '科研机构', phrases: ['科研机构', '科研'] },
    { key: 'social', label: '社会公益组织', phrases: ['社会公益组织', '社会组织', '公益组织'] },
    { key: 'legal', label: '法律服务机构', phrases: ['法律服务机构', '法律服务'] },
    { key: 'other', label: '其他', phrases: ['其他'] },
    { key: 'total', label: '总计', phrases: ['总计', '合计'] },
  ],
  /** Some local templates add a subtotal of the five organisation columns. */
  optionalColumns: [{ key: 'legalSubtotal', label: '法人或其他组织小计', phrases: ['小计'] }],
  /** The applicant columns whose sum is `total`. */
  applicantColumns: ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other'],
  /** The organisation columns whose sum is `legalSubtotal`. */
  organisationColumns: ['commercial', 'research', 'social', 'legal', 'other'],
  groups: [
    { key: 'denied', label: '（三）不予公开', phrases: ['不予公开'] },
    { key: 'unable', label: '（四）无法提供', phrases: ['无法提供'] },
    { key: 'notProcessed', label: '（五）不予处理', phrases: ['不予处理'] },
    { key: 'other', label: '（六）其他处理', phrases: ['其他处理'] },
  ],
  /** Labels that only head other rows and carry no values of their own. */
  headings: [{ label: '三、本年度办理结果', phrases: ['本年度办理结果', '办理结果'] }],
  rows: [
    { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', phrases: ['本年新收', '新收'] },
    { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', phrases: ['上年结转'] },
    { key: 'granted', label: '（一）予以公开', phrases: ['予以公开'] },
    { key: 'partialGrant', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', phrases: ['部分公开'] },
    { key: 'denied.stateSecret', group: 'denied', label: '1.属于国家秘密', phrases: ['国家秘密'] },
    { key: 'denied.lawForbidden', group: 'denied', label: '2.其他法律行政法规禁止公开', phrases: ['法律行政法规禁止公开', '法律行政法规禁止', '禁止公开'] },
    { key: 'denied.threeSafety', group: 'denied', label: '3.危及“三安全一稳定”', phrases: ['三安全一稳定', '危及'] },
    { key: 'denied.thirdParty', group: 'denied', label: '4.保护第三方合法权益', phrases: ['第三方合法权益', '第三方'] },
    { key: 'denied.internalAffairs', group: 'denied', label: '5.属于三类内部事务信息', phrases: ['三类内部事务', '内部事务'] },
    { key: 'denied.processInfo', group: 'denied', label: '6.属于四类过程性信息', phrases: ['四类过程性', '过程性信息', '过程性'] },
    { key: 'denied.enforcementFile', group: 'denied', label: '7.属于行政执法案卷', phrases: ['行政执法案卷', '执法案卷'] },
    { key: 'denied.queryMatter', group: 'denied', label: '8.属于行政查询事项', phrases: ['行政查询事项', '查询事项'] },
    { key: 'unable.noInfo', group: 'unable', label: '1.本机关不掌握相关政府信息', phrases: ['不掌握相关政府信息', '不掌握'] },
    { key: 'unable.needCreate', group: 'unable', label: '2.没有现成信息需要另行制作', phrases: ['没有现成信息', '另行制作'] },
    { key: 'unable.unclear', group: 'unable', label: '3.补正后申请内容仍不明确', phrases: ['补正后申请内容仍不明确', '仍不明确'] },
    { key: 'notProcessed.complaint', group: 'notProcessed', label: '1.信访举报投诉类申请', phrases: ['信访举报投诉', '信访'] },
    { key: 'notProcessed.repeat', group: 'notProcessed', label: '2.重复申请', phrases: ['重复申请'] },
    { key: 'notProcessed.publication', group: 'notProcessed', label: '3.要求提供公开出版物', phrases: ['公开出版物', '出版物'] },
    { key: 'notProcessed.massive', group: 'notProcessed', label: '4.无正当理由大量反复申请', phrases: ['大量反复申请', '大量反复', '大量反覆'] },
    { key: 'notProcessed.confirm', group: 'notProcessed', label: '5.要求行政机关确认或重新出具已获取信息', phrases: ['确认或重新出具', '重新出具'] },
    { key: 'other.overdueCorrection', group: 'other', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', phrases: ['逾期不补正'] },
    { key: 'other.overdueFee', group: 'other', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', phrases: ['收费通知', '缴纳费用'] },
    // Only recognised under （六）其他处理: "其他" alone is too common a word.
    { key: 'other.other', group: 'other', label: '3.其他', phrases: ['其他'], onlyInGroup: true },
    { key: 'total', label: '（七）总计', phrases: ['总计', '合计'] },
    { key: 'carriedForward', label: '四、结转下年度继续办理', phrases: ['结转下年度', '结转下年', '继续办理'] },
  ],
} as const;

/** Table 四 (行政复议、行政诉讼): 3 rows × 5 columns, 15 numbers in this order. */
export const REVIEW_LITIGATION = {
  rows: [
    { key: 'review', label: '行政复议', phrases: ['行政复议'] },
    { key: 'litigationDirect', label: '行政诉讼 · 未经复议直接起诉', phrases: ['未经复议直接起诉', '直接起诉'] },
    { key: 'litigationAfterReview', label: '行政诉讼 · 复议后起诉', phrases: ['复议后起诉'] },
  ],
  columns: [
    { key: 'upheld', label: '结果维持', phrases: ['结果维持', '维持'] },
    { key: 'corrected', label: '结果纠正', phrases: ['结果纠正', '纠正'] },
    { key: 'other', label: '其他结果', phrases: ['其他结果'] },
    { key: 'pending', label: '尚未审结', phrases: ['尚未审结', '未审结'] },
    { key: 'total', label: '总计', phrases: ['总计', '合计'] },
  ],
} as const;

/**
 * The three tables: their name in messages, the part each belongs to, and the phrases of the
 * table's own cells that open it in the text (table 二's article titles, table 三's corner cell
 * and first row, table 四's header). Where none is found, the part's heading opens the table.
 */
export const TABLES = [
  { key: 'activeDisclosure', name: '表二（主动公开）', section: 'activeDisclosure', anchors: ['第二十条'] },
  { key: 'applications', name: '表三（收到和处理申请）', section: 'applications', anchors: ['申请人情况', '勾稽关系', '本年新收'] },
  { key: 'reviewLitigation', name: '表四（行政复议、行政诉讼）', section: 'reviewLitigation', anchors: ['行政复议', '行政诉讼'] },
] as const;

/**
 * Units a cell may carry after its number. `money`: amounts (table 二's fees are in 万元; a cell
 * in 元 is converted). `count`: what the counting columns count (`5件`); a count unit is read
 * only in a cell of its own, since glued to the label after it (`5件行政许可`) it may be the
 * label's. The longer spelling comes first: `万元` before `元`.
 */
export const UNITS = { money: ['万元', '元'], count: ['件', '个', '条', '项', '次'] } as const;

/** Cell texts that mean "not applicable" (value null, not blank). */
export const NOT_APPLICABLE = ['/', '-', '—', '－', '–', '——', '不适用', '无'] as const;

/**
 * The arithmetic the format states or implies (勾稽关系). `sum` cells add up to `equals` cells.
 *
 * - `each: 'column'`: the identity holds in every column of the table, over the listed rows.
 * - `each: 'row'`: the identity holds in every listed row (all rows when `rows` is absent), over
 *   the listed columns. It applies only where the table has those columns (`legalSubtotal`).
 * - A group key in a table 三 row list (`denied`, `unable`, `notProcessed`, `other`) stands for
 *   the group's items, or for the group's own row where the report gives the group as one row.
 * - `sum: 'groupItems'`, `equals: ['group']`: for every group whose row is given together with
 *   its items, the group row equals the sum of its items.
 */
export const IDENTITIES = [
  {
    id: 'applications-balance',
    table: 'applications',
    each: 'column',
    name: '第一项加第二项之和，等于第三项加第四项之和',
    sum: ['newReceived', 'carriedOver'],
    equals: ['total', 'carriedForward'],
  },
  {
    id: 'applications-outcomes',
    table: 'applications',
    each: 'column',
    name: '（一）至（六）各项办理结果之和等于（七）总计',
    sum: ['granted', 'partialGrant', 'denied', 'unable', 'notProcessed', 'other'],
    equals: ['total'],
  },
  {
    id: 'applications-group',
    table: 'applications',
    each: 'column',
    name: '分组行等于其各分项之和',
    sum: 'groupItems',
    equals: ['group'],
  },
  {
    id: 'applications-row-total',
    table: 'applications',
    each: 'row',
    name: '总计等于各类申请人之和',
    sum: ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'other'],
    equals: ['total'],
  },
  {
    id: 'applications-legal-subtotal',
    table: 'applications',
    each: 'row',
    name: '法人或其他组织小计等于五类组织之和',
    sum: ['commercial', 'research', 'social', 'legal', 'other'],
    equals: ['legalSubtotal'],
  },
  {
    id: 'review-litigation-row-total',
    table: 'reviewLitigation',
    each: 'row',
    name: '结果维持、结果纠正、其他结果、尚未审结之和等于总计',
    sum: ['upheld', 'corrected', 'other', 'pending'],
    equals: ['total'],
  },
] as const;

// A count as prose writes it: digits, maybe in thousands groups (`1,234`). Full-width digits are
// folded to ASCII before matching.
const COUNT = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
// Text inside one clause: no sentence or clause break, no digit (so the count is the first number).
const GAP = '[^。；！？，,0-9]';
// Sentences about applications for disclosure and what followed from them: a narrative fact is
// only compared where its sentence says this much, so that 受理 / 办结 of other business (政务服务,
// 网民来信) is never read as a disclosure count.
const DISCLOSURE = '信息公开|依申请|公开申请';

/**
 * Sentences of part 一 that state totals the tables must agree with. `pattern` is a regular
 * expression source whose first group is the number; it is tried within one sentence (text between
 * 。；！？ or line breaks), and only in sentences that also match `context`. Every quantifier is
 * bounded. Counts are compared exactly; the sentence must state the number (`1600余条` does not).
 *
 * A fact with `partsOf` lists the parts of another fact's total: after that fact's match and the
 * word `after`, every count (`counts`) must match `pattern` (else the sentence is not read: a part
 * may have been missed), there must be two or more, and their sum is compared with the cell.
 */
export const NARRATIVE_FACTS = [
  {
    id: 'new-received',
    // 收到/受理 … 申请 … N件, but not 受理行政复议申请 (that is table 四's business).
    pattern: `(?:收到|新收|受理|接收|接到)(?:(?!复议|诉讼)[^。；！？，,]){0,20}?申请${GAP}{0,10}?${COUNT}\\s*(?:件|个|条|次|项)`,
    context: DISCLOSURE,
    table: 'applications',
    row: 'newReceived',
    column: 'total',
  },
  {
    id: 'channels',
    // 收到申请32件，其中当面申请3件、网上申请20件、信函申请9件.
    pattern: `(?:当面|现场|窗口|网上|网络|在线|互联网|信函|邮寄|邮件|电子邮件|传真|电话)${GAP}{0,8}?${COUNT}\\s*件`,
    partsOf: 'new-received',
    after: '其中',
    counts: `${COUNT}\\s*件`,
    context: DISCLOSURE,
    table: 'applications',
    row: 'newReceived',
    column: 'total',
  },
  {
    id: 'carried-over',
    pattern: `(?:上年结转|结转上年度?)${GAP}{0,10}?${COUNT}\\s*件`,
    context: DISCLOSURE,
    table: 'applications',
    row: 'carriedOver',
    column: 'total',
  },
  {
    id: 'concluded',
    // 办结972件, 办结政府信息公开申请28件; not 办结群众留言181件.
    pattern: `(?:办结|答复)(?:${GAP}{0,10}?申请)?${GAP}{0,3}?${COUNT}\\s*件`,
    context: DISCLOSURE,
    table: 'applications',
    row: 'total',
    column: 'total',
  },
  {
    id: 'carried-forward',
    pattern: `结转下(?:一)?年度?${GAP}{0,10}?${COUNT}\\s*件`,
    context: DISCLOSURE,
    table: 'applications',
    row: 'carriedForward',
    column: 'total',
  },
  {
    id: 'review',
    pattern: `行政复议(?:(?!诉讼)${GAP}){0,6}?${COUNT}\\s*(?:件|起)`,
    context: DISCLOSURE,
    table: 'reviewLitigation',
    row: 'review',
    column: 'total',
  },
  {
    id: 'litigation',
    pattern: `行政诉讼(?:(?!复议)${GAP}){0,6}?${COUNT}\\s*(?:件|起)`,
    context: DISCLOSURE,
    table: 'reviewLitigation',
    row: ['litigationDirect', 'litigationAfterReview'],
    column: 'total',
  },
] as const;

/**
 * Sentences before the tables that state a cell of table 二 (规范性文件 制发 / 废止 / 现行有效).
 * They never overrule a cell: the reader uses them only to choose among the readings of a glued
 * digit run that the table leaves open (`8855698` as 88|55|698), and flags the cells so chosen
 * (`cell/settled`). `pattern`'s one group is the count.
 */
export const TABLE_HINTS = [
  { id: 'normative-issued', pattern: `(?:制发|印发|出台)${GAP}{0,8}?规范性文件${GAP}{0,4}?${COUNT}\\s*件`, table: 'activeDisclosure', row: 'normativeDocuments', column: 'issued' },
  { id: 'normative-repealed', pattern: `废止${GAP}{0,8}?${COUNT}\\s*件`, table: 'activeDisclosure', row: 'normativeDocuments', column: 'repealed' },
  { id: 'normative-in-force', pattern: `(?:现行有效|保留)${GAP}{0,8}?规范性文件${GAP}{0,4}?${COUNT}\\s*件`, table: 'activeDisclosure', row: 'normativeDocuments', column: 'inForce' },
] as const;

/**
 * What the text says that the tables can contradict, beyond the counts of NARRATIVE_FACTS: a
 * claim that every application or every case was concluded. `pattern` is a regular expression
 * source tried within one sentence (text between 。；！？ or line breaks) of parts 一, 三 and 四,
 * only in sentences matching `context` and not matching `unless` (a sentence that names a
 * carry-forward, an exception or a negation claims nothing clear). The claim is contradicted when
 * the cells it names hold more than 0: `rows` of `table` in `column`; for `all-cases-closed` the
 * rows are those the sentence names (复议: `review`; 诉讼: both 行政诉讼 rows).
 */
export const NARRATIVE_CLAIMS = [
  {
    id: 'all-concluded',
    // 均已办结, 全部办结, 已全部按时办结, 均在法定期限内办结, 办结率100%.
    pattern: `(?:均|全部|全都|悉数|一律)${GAP}{0,10}?办结|办结率${GAP}{0,4}?100\\s*[%％]`,
    context: DISCLOSURE,
    unless: '复议|诉讼|结转|转下|继续办理|除|未能|尚未|没有全部|未全部|不能',
    table: 'applications',
    rows: ['carriedForward'],
    column: 'total',
  },
  {
    id: 'all-cases-closed',
    // 行政复议、行政诉讼案件均已审结 / 全部结案.
    pattern: `(?:均|全部|全都|悉数)${GAP}{0,8}?(?:审结|结案|办结|终结)`,
    context: '行政复议|行政诉讼|复议|诉讼',
    unless: '尚未审结|未审结|未结|审理中|正在审理|在审|未能|尚未|没有全部|未全部',
    table: 'reviewLitigation',
    rows: ['review', 'litigationDirect', 'litigationAfterReview'],
    column: 'pending',
  },
] as const;

/**
 * Words that follow a year (`2022年…`) opening a sentence of part 一 when the year is not the
 * time the sentence reports on: a month or a day (`2022年12月`), a span (`2022年以来`, `2019年至`),
 * a carry-over (`2022年结转`), a comparison. Such a sentence does not say which year the report
 * is about.
 */
export const YEAR_REFERENCE_WORDS = ['月', '以来', '至', '到', '—', '－', '-', '~', '～', '底', '末', '初', '结转', '起', '前', '后', '同期', '相比', '比', '修订', '施行'] as const;

/**
 * 信息处理费 (charged in 元 under the 政府信息公开信息处理费管理办法, reported in part 六), kept
 * apart from table 二's 行政事业性收费 in 万元, which says nothing about it.
 * - `mentions`: words one of which part 六 holds when it says anything about the fees.
 * - `charged`: a sentence stating an amount of the fees (the group is the amount); a sentence
 *   matching `notCharged` states none.
 * - `notice`: the row of table 三 counting applications dropped after a 收费通知 (the agency
 *   charged fees for them).
 */
export const PROCESSING_FEES = {
  mentions: ['处理费', '收费', '收取费用', '缴费'],
  charged: `(?:信息)?处理费${GAP}{0,10}?(\\d+(?:\\.\\d+)?)\\s*(?:万元|元)`,
  notCharged: '未收取|没有收取|不收取|免收|免予收取|未发生|未产生|无收费|零收费|未向',
  notice: { table: 'applications', row: 'other.overdueFee', column: 'total' },
} as const;

/**
 * What part 五 (存在的主要问题及改进情况) holds when it reports nothing: these words alone, once
 * its subsection numbers, its heading phrases (SECTIONS) and punctuation are taken out.
 */
export const NOTHING_TO_REPORT = ['暂无', '无', '没有', '不涉及', '本年度', '本年', '今年'] as const;
