package emulator

import (
	"slices"
	"strings"

	"github.com/tokenscope/tokenscope/model"
)

// currencies are the currencies Stripe charges in, as Stripe lists them
// when it refuses another: usd first, then the rest by code. The list is
// stripe-go v85's Currency constants (currency.go), which keep the retired
// ones Stripe's message still names (eek, ltl, lvl, svc, vef).
var currencies = []string{
	"usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd",
	"bdt", "bgn", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "bzd", "cad", "cdf", "chf",
	"clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "eek", "egp", "etb",
	"eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "hrk",
	"htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jpy", "kes", "kgs", "khr", "kmf", "krw",
	"kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "ltl", "lvl", "mad", "mdl", "mga", "mkd",
	"mnt", "mop", "mro", "mur", "mvr", "mwk", "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok",
	"npr", "nzd", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub",
	"rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sll", "sos", "srd", "std", "svc", "szl",
	"thb", "tjs", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs", "vef", "vnd",
	"vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw",
}

// checkCurrency refuses a currency Stripe does not charge in, with
// Stripe's message; cur is lower case.
func checkCurrency(cur string) *model.Error {
	if slices.Contains(currencies, cur) {
		return nil
	}
	return invalid("", model.ParamCurrency,
		"Invalid currency: "+cur+". Stripe currently supports these currencies: "+strings.Join(currencies, ", "))
}
