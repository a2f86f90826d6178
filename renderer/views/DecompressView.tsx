/** DecompressView (in progress). */
export function DecompressView() {
  return <div className="panel">DecompressView</div>;
}
