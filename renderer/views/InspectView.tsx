/** InspectView (in progress). */
export function InspectView() {
  return <div className="panel">InspectView</div>;
}
