/**
 * Validation messages for shipping rules, in English and Simplified Chinese.
 *
 * One entry per issue code; `{name}` placeholders are filled from the issue's parameters.
 */

/** Every problem `ruleValidate` can report. */
export type RuleIssueCode =
  | 'NAME_REQUIRED'
  | 'NAME_LENGTH'
  | 'NAME_CHARS'
  | 'NAME_EDGE'
  | 'BUCKET_REQUIRED'
  | 'BUCKET_NAME'
  | 'PREFIX_SLASH'
  | 'PREFIX_CHARS'
  | 'PARTITION_REQUIRED'
  | 'PARTITION_UNKNOWN_DIRECTIVE'
  | 'PARTITION_NONSTANDARD_DIRECTIVE'
  | 'PARTITION_SLASH_EDGE'
  | 'PARTITION_NO_TIME'
  | 'TIME_ZONE_INVALID'
  | 'ROLE_ARN_REQUIRED'
  | 'ROLE_ARN_SHAPE'
  | 'SIZE_RANGE'
  | 'INTERVAL_RANGE'
  | 'FORMAT_UNKNOWN'
  | 'COMPRESSION_UNKNOWN'
  | 'CSV_MISSING'
  | 'COLUMNS_EMPTY'
  | 'COLUMN_NAME_EMPTY'
  | 'COLUMN_DUPLICATE'
  | 'DELIMITER_ONE_CHAR'
  | 'QUOTE_ONE_CHAR'
  | 'QUOTE_IS_DELIMITER'
  | 'NULL_VALUE_TYPE'
  | 'HEADER_TYPE'
  | 'PARQUET_MISSING'
  | 'PARQUET_TYPE';

/** User-facing text of each issue in English and Chinese. */
export const ruleMessages: Record<RuleIssueCode, { en: string; 'zh-CN': string }> = {
  NAME_REQUIRED: { en: 'Enter a shipping name.', 'zh-CN': '请输入投递名称。' },
  NAME_LENGTH: {
    en: 'The shipping name must be 3–63 characters long (it has {length}).',
    'zh-CN': '投递名称长度须为 3–63 个字符（当前为 {length} 个）。',
  },
  NAME_CHARS: {
    en: 'The shipping name may only contain lowercase letters, digits, "-" and "_" (found "{char}").',
    'zh-CN': '投递名称只能包含小写字母、数字、“-”和“_”（发现“{char}”）。',
  },
  NAME_EDGE: {
    en: 'The shipping name must begin and end with a lowercase letter or a digit.',
    'zh-CN': '投递名称须以小写字母或数字开头和结尾。',
  },
  BUCKET_REQUIRED: { en: 'Enter the OSS bucket.', 'zh-CN': '请输入 OSS Bucket。' },
  BUCKET_NAME: {
    en: '"{bucket}" is not a valid OSS bucket name: 3–63 lowercase letters, digits and "-", beginning and ending with a letter or digit.',
    'zh-CN': '“{bucket}”不是有效的 OSS Bucket 名称：须为 3–63 个小写字母、数字或“-”，并以字母或数字开头和结尾。',
  },
  PREFIX_SLASH: {
    en: 'The OSS prefix should not begin or end with "/"; shiplens ignores those slashes.',
    'zh-CN': 'OSS 前缀不应以“/”开头或结尾；shiplens 会忽略这些斜杠。',
  },
  PREFIX_CHARS: {
    en: 'The OSS prefix contains an empty directory level ("//") or a backslash.',
    'zh-CN': 'OSS 前缀包含空目录层级（“//”）或反斜杠。',
  },
  PARTITION_REQUIRED: { en: 'Enter a partition format, e.g. %Y/%m/%d/%H/%M.', 'zh-CN': '请输入分区格式，例如 %Y/%m/%d/%H/%M。' },
  PARTITION_UNKNOWN_DIRECTIVE: {
    en: 'Unknown directive {directive} in the partition format; use %Y %m %d %H %M %s (or a strptime directive such as %S %y %j %b %a %I %p %F %T).',
    'zh-CN': '分区格式中有未知的格式符 {directive}；可用 %Y %m %d %H %M %s（或 %S %y %j %b %a %I %p %F %T 等 strptime 格式符）。',
  },
  PARTITION_NONSTANDARD_DIRECTIVE: {
    en: '{directive} is rendered as strptime does; Log Service documents only %Y %m %d %H %M %s, so check one shipped path before relying on it.',
    'zh-CN': '{directive} 按 strptime 的规则生成；日志服务只说明了 %Y %m %d %H %M %s，请先核对一个实际投递的路径。',
  },
  PARTITION_SLASH_EDGE: {
    en: 'The console does not accept a partition format that begins or ends with "/" (objects written that way still exist and are read).',
    'zh-CN': '控制台不接受以“/”开头或结尾的分区格式（已按此写出的对象仍可读取）。',
  },
  PARTITION_NO_TIME: {
    en: 'The partition format has no time directive: every object lands in the same folder.',
    'zh-CN': '分区格式不含任何时间格式符：所有对象都会写到同一目录。',
  },
  TIME_ZONE_INVALID: {
    en: 'Unknown time zone "{zone}"; use an offset such as +08:00 or an IANA name such as Asia/Shanghai.',
    'zh-CN': '未知时区“{zone}”；请使用 +08:00 这样的偏移或 Asia/Shanghai 这样的 IANA 名称。',
  },
  ROLE_ARN_REQUIRED: {
    en: 'Enter the RAM role ARN, e.g. acs:ram::13234:role/logrole.',
    'zh-CN': '请输入 RAM 角色 ARN，例如 acs:ram::13234:role/logrole。',
  },
  ROLE_ARN_SHAPE: {
    en: '"{arn}" is not a RAM role ARN shaped acs:ram::<account id>:role/<role name>.',
    'zh-CN': '“{arn}”不是 acs:ram::<账号 ID>:role/<角色名> 形式的 RAM 角色 ARN。',
  },
  SIZE_RANGE: {
    en: 'The shipping size must be a whole number of MB from 5 to 256 (got {value}).',
    'zh-CN': '投递大小须为 5–256 之间的整数 MB（当前为 {value}）。',
  },
  INTERVAL_RANGE: {
    en: 'The shipping time must be a whole number of seconds from 300 to 900 (got {value}).',
    'zh-CN': '投递时间须为 300–900 之间的整数秒（当前为 {value}）。',
  },
  FORMAT_UNKNOWN: {
    en: 'The storage format must be json, csv or parquet (got "{value}").',
    'zh-CN': '存储格式须为 json、csv 或 parquet（当前为“{value}”）。',
  },
  COMPRESSION_UNKNOWN: {
    en: 'The compression must be none or snappy (got "{value}").',
    'zh-CN': '压缩方式须为 none 或 snappy（当前为“{value}”）。',
  },
  CSV_MISSING: {
    en: 'A CSV rule needs its CSV options (columns, delimiter, quote).',
    'zh-CN': 'CSV 格式需要配置 CSV 选项（字段、分隔符、引号）。',
  },
  COLUMNS_EMPTY: { en: 'List at least one column.', 'zh-CN': '请至少添加一个字段。' },
  COLUMN_NAME_EMPTY: { en: 'Column {index} has no name.', 'zh-CN': '第 {index} 个字段没有名称。' },
  COLUMN_DUPLICATE: { en: 'Column "{column}" is listed more than once.', 'zh-CN': '字段“{column}”重复添加。' },
  DELIMITER_ONE_CHAR: { en: 'The delimiter must be exactly one character.', 'zh-CN': '分隔符须为且仅为一个字符。' },
  QUOTE_ONE_CHAR: { en: 'The quote (escape) character must be exactly one character.', 'zh-CN': '引号（转义符）须为且仅为一个字符。' },
  QUOTE_IS_DELIMITER: { en: 'The quote character cannot be the delimiter.', 'zh-CN': '引号不能与分隔符相同。' },
  NULL_VALUE_TYPE: { en: 'The invalid-key value must be text (it may be empty).', 'zh-CN': '无效字段内容须为文本（可以为空）。' },
  HEADER_TYPE: { en: 'The header setting must be on or off.', 'zh-CN': '投递字段名称设置须为开启或关闭。' },
  PARQUET_MISSING: { en: 'A Parquet rule needs its columns and their types.', 'zh-CN': 'Parquet 格式需要配置字段及其类型。' },
  PARQUET_TYPE: {
    en: 'Column "{column}" has type "{type}"; use string, boolean, int32, int64, float or double.',
    'zh-CN': '字段“{column}”的类型为“{type}”；可用 string、boolean、int32、int64、float 或 double。',
  },
};

/** Fill `{placeholders}` of a message template. */
export function ruleMessageFormat(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
