/**
 * Strings of the grid's whole-object view and the export's row choice (issue 18), spread into
 * en.ts and zhCN.ts. Every key here exists in both (the i18n unit test checks).
 */
export const gridEn = {
  'grid.goTo': 'Go to row',
  'grid.goToButton': 'Go',
  'grid.busy': 'Sorting and filtering every row…',
  'grid.indexing': 'Reading every row for sort and filter',
  'grid.count': '{n} of {total} rows',
  'grid.rowMissing': 'Row {row} is not among the filtered rows.',
  'grid.rowOutside': 'There is no row {row}: the object has {total} rows.',
  'grid.rowOutsideUnknown': 'There is no row {row}.',
  'grid.cancelled': 'Sort and filter were cancelled; the grid shows the loaded rows.',
  'grid.failed': 'The sort or filter could not run over the whole object.',
  'grid.failedHint': 'Check the filter text (status>=500, >1000, null, or text to find); clear it to see every row.',
  'export.rows': 'Rows',
  'export.rowsAll': 'All rows',
  'export.rowsView': 'Only the filtered/sorted rows',
  'export.rowsViewCount': 'Only the filtered/sorted rows ({n})',
  'export.rowsNoteView': 'The rows the grid shows, in its order, taken from the whole object.',
} as const;

export const gridZh: Record<keyof typeof gridEn, string> = {
  'grid.goTo': '跳转到行',
  'grid.goToButton': '跳转',
  'grid.busy': '正在对全部行排序和筛选…',
  'grid.indexing': '正在读取全部行以便排序和筛选',
  'grid.count': '{n} / {total} 行',
  'grid.rowMissing': '第 {row} 行不在筛选结果中。',
  'grid.rowOutside': '没有第 {row} 行：此对象共 {total} 行。',
  'grid.rowOutsideUnknown': '没有第 {row} 行。',
  'grid.cancelled': '已取消排序和筛选；表格显示已加载的行。',
  'grid.failed': '无法对整个对象执行排序或筛选。',
  'grid.failedHint': '请检查筛选文字（status>=500、>1000、null 或要查找的文字）；清空即可查看全部行。',
  'export.rows': '行',
  'export.rowsAll': '全部行',
  'export.rowsView': '仅筛选/排序后的行',
  'export.rowsViewCount': '仅筛选/排序后的行（{n}）',
  'export.rowsNoteView': '按表格当前顺序导出表格显示的行，取自整个对象。',
};
