package views

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/tokenscope/tokenscope/model"
)

// Refunded is what a refund did, as the CLI prints it: "refunded
// ch_… 4.00 usd: re_… (succeeded)" ("released" for a release), then its
// request id.
type Refunded struct {
	Of     string
	Refund model.Object
}

// WriteText writes the refund.
func (r Refunded) WriteText(w io.Writer) error {
	f := r.Refund.Fields()
	n, _ := strconv.ParseInt(f.Get("amount"), 10, 64)
	of := r.Of
	if ch := f.Get("charge"); ch != "" && ch != of {
		of += " (charge " + ch + ")"
	}
	fmt.Fprintf(w, "%s %s %s: %s (%s)\n", model.RefundVerb(f), Clean(of), model.FormatAmount(n, f.Get("currency")),
		Clean(r.Refund.ID), Clean(f.Get("status")))
	return writeRequestID(w, r.Refund.RequestID)
}

// Charged is a charge of a customer: "charged cus_… 15.00 usd: py_…
// (pending)"; a bank debit says it settles later.
type Charged struct {
	Customer string
	Charge   model.Object
}

// WriteText writes the charge.
func (c Charged) WriteText(w io.Writer) error {
	f := c.Charge.Fields()
	n, _ := strconv.ParseInt(f.Get("amount"), 10, 64)
	status := f.Get("status")
	fmt.Fprintf(w, "charged %s %s: %s (%s)\n", Clean(c.Customer), model.FormatAmount(n, f.Get("currency")), Clean(c.Charge.ID), Clean(status))
	if status == "pending" {
		fmt.Fprintf(w, "  a bank debit stays pending until the bank answers: tokenscope get %s shows the outcome\n", Clean(c.Charge.ID))
	}
	return writeRequestID(w, c.Charge.RequestID)
}

// Verified is what a bank account verification did: "verified ba_… of
// cus_… (status verified)".
type Verified struct {
	Customer string
	Bank     model.Object
}

// WriteText writes the verification.
func (v Verified) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "verified %s of %s (status %s)\n", Clean(v.Bank.ID), Clean(v.Customer), Clean(v.Bank.Fields().Get("status")))
	return writeRequestID(w, v.Bank.RequestID)
}

func writeRequestID(w io.Writer, id string) error {
	if id == "" {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  request id\t%s\n", Clean(id))
	return tw.Flush()
}

// moneyNext is what moves a charge or a dispute on: a dispute waiting for
// an answer, a disputed charge, a bank debit still pending.
func moneyNext(id string, f model.Fields) string {
	switch {
	case f.Get("object") == "dispute" && (f.Get("status") == "needs_response" || f.Get("status") == "warning_needs_response"):
		return "tokenscope dispute " + id + " --evidence " + model.WinningEvidence + " (or " + model.LosingEvidence + "), or --close"
	case f.Get("object") == "dispute" && model.DisputeDeciding(f):
		return "tokenscope get " + id + " again in a few seconds: test mode decides " + f.Get("evidence.uncategorized_text")
	case f.Get("object") == "charge" && f.Get("disputed") == "true":
		return "tokenscope dispute " + id + " (its dispute)"
	case f.Get("object") == "charge" && f.Get("status") == "pending":
		return "tokenscope get " + id + " again: a bank debit waits for the bank's answer"
	}
	return ""
}
