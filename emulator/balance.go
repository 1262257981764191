package emulator

import (
	"maps"
	"slices"

	"github.com/tokenscope/tokenscope/model"
)

// GET /v1/balance is what the balance transactions add up to at the
// request's time, per currency: a transaction's net is available once its
// available_on has passed and pending before, as Stripe's balance is. The
// emulator keeps no balance of its own, so that nothing can disagree with
// the transactions: it is summed when asked.

type balanceJSON struct {
	Object    string          `json:"object"`
	Available []balanceAmount `json:"available"`
	Livemode  bool            `json:"livemode"`
	Pending   []balanceAmount `json:"pending"`
}

type balanceAmount struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// defaultCurrency is listed first, at 0 on a balance with no transaction
// in it yet, as a new US account's is.
const defaultCurrency = "usd"

// getBalance is GET /v1/balance. A debit or refund that failed by now is
// settled first, so that its transaction counts.
func getBalance(c *call) (any, *model.Error) {
	settleDue(c.objs)
	type sums struct{ available, pending int64 }
	by := map[string]*sums{defaultCurrency: {}}
	scan(c.objs, balanceTxColl, "", true, func(bt *balanceTxRec) bool {
		tx := renderBalanceTx(bt, c.now)
		s := by[tx.Currency]
		if s == nil {
			s = &sums{}
			by[tx.Currency] = s
		}
		if tx.Status == "available" {
			s.available += tx.Net
		} else {
			s.pending += tx.Net
		}
		return true
	})
	out := &balanceJSON{Object: "balance", Available: []balanceAmount{}, Pending: []balanceAmount{}}
	others := slices.DeleteFunc(slices.Sorted(maps.Keys(by)), func(cur string) bool { return cur == defaultCurrency })
	for _, cur := range append([]string{defaultCurrency}, others...) {
		out.Available = append(out.Available, balanceAmount{Amount: by[cur].available, Currency: cur})
		out.Pending = append(out.Pending, balanceAmount{Amount: by[cur].pending, Currency: cur})
	}
	return out, nil
}
