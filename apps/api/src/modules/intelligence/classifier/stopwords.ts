/**
 * Built-in stopword lists (hand-written, deliberately short: a linear model copes with frequent words,
 * and negations such as "not"/"no"/"不"/"没有" are kept because they matter in complaints).
 * Tenants/plugins add their own through `options.stopwords`.
 */
export const ENGLISH_STOPWORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with',
  'from', 'as', 'into', 'about', 'than', 'this', 'that', 'these', 'those', 'it', 'its', 'is', 'are', 'was',
  'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'have', 'has', 'had', 'i', 'me', 'my', 'mine',
  'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'what',
  'which', 'who', 'whom', 'there', 'here', 'also', 'just', 'very', 'would', 'could', 'should', 'will',
  'shall', 'may', 'might', 'must', 'can', 'all', 'any', 'some', 'such', 'own', 'same', 'too', 's', 't',
  'd', 'll', 're', 've', 'm',
];

export const CHINESE_STOPWORDS: readonly string[] = [
  '的', '了', '着', '过', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '之', '与', '及', '和', '或', '而',
  '则', '并', '且', '我', '我们', '你', '你们', '您', '他', '她', '它', '他们', '她们', '这', '那', '这个',
  '那个', '这些', '那些', '这样', '那样', '是', '在', '也', '就', '都', '还', '又', '被', '把', '对', '从',
  '向', '给', '让', '为', '以', '于', '其', '该', '等', '啦', '哈', '嗯',
];

export const DEFAULT_STOPWORDS: readonly string[] = [...ENGLISH_STOPWORDS, ...CHINESE_STOPWORDS];
