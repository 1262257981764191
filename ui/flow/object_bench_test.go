package flow

import (
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

// benchPI is a PaymentIntent waiting for 3D Secure, as the offline
// emulator answers GET /v1/payment_intents/{id}.
const benchPI = `{"id":"pi_2dKlbzL57LwhVKLVX4UVGvHX","object":"payment_intent","amount":1000,"amount_capturable":0,"amount_received":0,"application":null,"application_fee_amount":null,"automatic_payment_methods":null,"canceled_at":null,"cancellation_reason":null,"capture_method":"automatic_async","client_secret":"pi_2dKlbzL57LwhVKLVX4UVGvHX_secret_hA9Ch922x5NLdNF20x0YQ60c","confirmation_method":"automatic","created":1796501064,"currency":"usd","customer":null,"description":null,"last_payment_error":null,"latest_charge":null,"livemode":false,"metadata":{},"next_action":{"type":"use_stripe_sdk","use_stripe_sdk":{"stripe_js":"http://emulator.offline/3ds/pi_2dKlbzL57LwhVKLVX4UVGvHX?client_secret=pi_2dKlbzL57LwhVKLVX4UVGvHX_secret_hA9Ch922x5NLdNF20x0YQ60c","type":"three_d_secure_redirect"}},"on_behalf_of":null,"payment_method":"pm_84CCA8xvx6QmYNDFsdf4NxHm","payment_method_options":{"card":{"installments":null,"mandate_options":null,"network":null,"request_three_d_secure":"automatic"}},"payment_method_types":["card"],"processing":null,"receipt_email":null,"review":null,"setup_future_usage":null,"shipping":null,"statement_descriptor":null,"statement_descriptor_suffix":null,"status":"requires_action","transfer_data":null,"transfer_group":null}`

// BenchmarkObjectFrame is a frame of a PaymentIntent's pane while a
// request is in flight (a spinner tick: the pane and its footer drawn
// again), against the 2 ms budget of DESIGN.md.
func BenchmarkObjectFrame(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	pc := common.NewContext(nil, r, io.Discard, func() time.Time { return clock })
	pc.Width, pc.Height = 80, 24
	o := newObject(pc, "pi_2dKlbzL57LwhVKLVX4UVGvHX")
	o.doing = actLoad
	o.answered(reply{obj: model.Object{ID: o.objID, Kind: "payment_intent", Raw: []byte(benchPI), RequestID: "req_aibLlXuIAQes1U"}})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = o.View()
		_ = o.ShortHelp()
	}
}
