/** RuleEditorView (in progress). */
export function RuleEditorView() {
  return <div className="panel">RuleEditorView</div>;
}
