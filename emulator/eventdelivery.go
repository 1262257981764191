package emulator

import "github.com/tokenscope/tokenscope/model"

// deliverySuccess reads GET /v1/events' delivery_success: true keeps the
// events every webhook endpoint has had delivered (none pending, as
// Stripe counts them in pending_webhooks), false those still pending or
// failed at an endpoint; absent keeps all.
func deliverySuccess(c *call) (func(*eventJSON) bool, *model.Error) {
	if !c.params.Has("delivery_success") {
		return func(*eventJSON) bool { return true }, nil
	}
	want, aerr := c.params.boolean("delivery_success")
	if aerr != nil {
		return nil, aerr
	}
	return func(ev *eventJSON) bool { return (ev.PendingWebhooks == 0) == want }, nil
}
