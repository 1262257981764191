package flow

import (
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/views"
)

// objectSeen is what an object pane draws of its object and the one read
// with it, worked out once per read (setObject) rather than on every
// frame: View and the footer's keys run on each keystroke and spinner
// tick, and each reading of the object decodes its JSON.
type objectSeen struct {
	head      string     // the pane's title
	rows      views.Rows // views.ObjectRows
	requestID string     // the request that read the object
	subject   model.Subject
}

// setObject makes obj, and rel read with it (nil for none), the pane's.
func (o *Object) setObject(obj model.Object, rel *model.Object) {
	o.obj, o.rel = &obj, rel
	v := views.NewObject(obj)
	s := model.Subject{ID: o.objID, F: obj.Fields()}
	if rel != nil {
		s.Related = rel.Fields()
	}
	o.seen = objectSeen{head: v.Headline(""), rows: views.ObjectRows(obj, rel), requestID: v.RequestID, subject: s}
}
