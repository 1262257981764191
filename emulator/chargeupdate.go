package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

var chargeUpdateParams = slices.Concat([]string{"description", "receipt_email", "expand["}, metadataParams)

// updateCharge is POST /v1/charges/{id}: the description, receipt_email
// and metadata, which Stripe changes on a charge in any status (an empty
// value unsets them); charge.updated follows.
func updateCharge(c *call) (any, *model.Error) {
	ch, ok := c.objs.charge(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "charge", c.id(), "id")
	}
	email, aerr := readEmail(c.params, "receipt_email")
	if aerr != nil {
		return nil, aerr
	}
	if ch.Metadata, aerr = readMetadata(c.params, ch.Metadata); aerr != nil {
		return nil, aerr
	}
	if c.params.Has("receipt_email") {
		ch.ReceiptEmail = email
	}
	if c.params.Has("description") {
		ch.Description = c.params.get("description")
	}
	c.objs.putCharge(ch)
	return renderCharge(ch), nil
}
