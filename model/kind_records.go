package model

// The kinds tokenscope reads by id but never makes from a token: what a
// charge moved (txn_), what happened (evt_), and where it is sent (we_).
const (
	KindBalanceTransaction Kind = "balance_transaction"
	KindEvent              Kind = "event"
	KindWebhookEndpoint    Kind = "webhook_endpoint"
)

// balanceTransactionKind is money moved on the balance: a charge, a
// refund, a dispute's withdrawal.
var balanceTransactionKind = &KindSpec{
	Kind:     KindBalanceTransaction,
	Object:   "balance_transaction",
	Prefixes: []string{"txn_"},
	Path:     "/v1/balance_transactions/",
	Short:    "txn",
	Label:    "balance transaction",
	Summary:  func(f Fields) string { return withDetail(amountOf(f, "amount"), f.Get("type")) },
	Fields: []DetailField{
		{Path: "type", Label: "type"},
		{Path: "amount", Label: "amount", Value: func(f Fields) string { return amountOf(f, "amount") }},
		{Path: "fee", Label: "fee", Value: func(f Fields) string { return amountOf(f, "fee") }, Quiet: zeroAt("fee")},
		{Path: "net", Label: "net", Value: func(f Fields) string { return amountOf(f, "net") }},
		{Path: "status", Label: "status"},
		{Path: "source", Label: "source"},
		{Path: "created", Label: "created", Value: createdAt},
	},
	Drift: []DetailField{{Path: "status"}},
}

// eventKind is an event Stripe recorded: its type and the object it is
// about.
var eventKind = &KindSpec{
	Kind:     KindEvent,
	Object:   "event",
	Prefixes: []string{"evt_"},
	Path:     "/v1/events/",
	Short:    "evt",
	Label:    "event",
	Summary:  func(f Fields) string { return f.Get("type") },
	Fields: []DetailField{
		{Path: "type", Label: "type"},
		{Path: "data.object.id", Label: "object"},
		{Path: "request.id", Label: "request"},
		{Path: "pending_webhooks", Label: "pending_webhooks"},
		{Path: "created", Label: "created", Value: createdAt},
	},
}

// webhookEndpointKind is where events are sent.
var webhookEndpointKind = &KindSpec{
	Kind:     KindWebhookEndpoint,
	Object:   "webhook_endpoint",
	Prefixes: []string{"we_"},
	Path:     "/v1/webhook_endpoints/",
	Short:    "we",
	Label:    "webhook endpoint",
	Summary:  func(f Fields) string { return f.Get("url") },
	Fields: []DetailField{
		{Path: "url", Label: "url"},
		{Path: "status", Label: "status"},
		{Path: "created", Label: "created", Value: createdAt},
	},
	Drift: []DetailField{{Path: "status"}, {Path: "url"}},
}
