package emulator

import (
	"net/http"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// POST /v1/refunds/{id}: Stripe updates a refund's metadata only. Its
// refund.updated event follows from the write (eventtypes.go).

var refundUpdateParams = slices.Concat([]string{"expand["}, metadataParams)

// updateRefund is POST /v1/refunds/{id}.
func updateRefund(c *call) (any, *model.Error) {
	re, ok := c.objs.refund(c.id())
	if !ok {
		return nil, noSuch(http.StatusNotFound, "refund", c.id(), "id")
	}
	md, aerr := readMetadata(c.params, re.Metadata)
	if aerr != nil {
		return nil, aerr
	}
	re.Metadata = md
	c.objs.putRefund(re)
	return renderRefund(re), nil
}
