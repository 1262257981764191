package views

import (
	"fmt"
	"strings"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// A report gives, for each request, a curl line and a stripe CLI line that
// send it again. They take the key from $STRIPE_API_KEY (a key is never
// written out) and the base URL from $STRIPE_API_BASE (Stripe's, unless
// set: the emulator's for a local repro), and they use Stripe's published
// test data only: a masked value is filled in from the catalog preset the
// request log named for it (model.LoggedRequest.TestData); with none, the
// request is not written out and the note says why.
//
// Run in order in one shell, the lines replay the story on any account:
// an object a line makes that a later line names (the token, the charge
// a refund is of) is kept in a shell variable ($TOK, $CH) by that line and
// named by it in the later ones, so a second use of the token gets
// token_already_used again. A line that names the token when the line
// that made it is not in the log uses the token's magic test token
// (tok_visa) instead, when its test card has one.

// Repro is one request written as commands.
type Repro struct {
	Curl   string `json:"curl,omitempty"`
	Stripe string `json:"stripe,omitempty"`
	// Keeps names the shell variable the lines set to the id of what they
	// make, for the lines after them ("" for none).
	Keeps string `json:"keeps,omitempty"`
	// Note says what differs from the request sent, or why there is no
	// line ("" when it is sent as it was).
	Note string `json:"note,omitempty"`
}

// replay is what the lines written so far have set up: the shell
// variables holding ids, and the magic token standing for the report's
// token where no line made it.
type replay struct {
	vars  map[string]string // id -> shell variable
	token string
	magic string // "" when the token's test card has none
	now   time.Time
}

// idOf extracts the id of the object a command's JSON answer holds: the
// first "id" is the object's own in Stripe's JSON.
const idOf = ` | grep -o '"id": *"[^"]*"' | head -n 1 | cut -d'"' -f4`

// repro writes e as commands; keep, when not "", is the variable its
// answer's id is kept in.
func (rp *replay) repro(e model.LoggedRequest, keep string) Repro {
	params, note, ok := reproParams(e, rp.now)
	if !ok {
		return Repro{Note: note}
	}
	var r Repro
	path, subNote, ok := rp.subPath(e.Path)
	if !ok {
		return Repro{Note: "not written out: it acts on " + rp.token + ", which is used up, and no earlier line makes one like it."}
	}
	base := "${STRIPE_API_BASE:-https://api.stripe.com}"
	emulatorOnly := strings.HasPrefix(e.Path, model.EmulatorChallengePath)
	if emulatorOnly {
		// Stripe has no such page: the line runs against the emulator
		// only, and says so rather than ask api.stripe.com.
		// The message is inside double quotes: no ' (bash would
		// open a quote in it), no }, no ".
		base = "${STRIPE_API_BASE:?set STRIPE_API_BASE to the URL of tokenscope emulator, whose own page this is}"
		note = JoinNonEmpty(note, "the emulator's own 3D Secure page: against Stripe, open the PaymentIntent's next_action URL (tokenscope authenticate PI prints it); there is no stripe CLI line.")
	}
	curl := []string{`curl -sS "` + base + path + `" -u "$STRIPE_API_KEY:"`}
	if emulatorOnly {
		curl = append(curl, challengeArgs(strings.TrimPrefix(path, model.EmulatorChallengePath))...)
	}
	stripe := []string{"stripe " + strings.ToLower(e.Method) + ` "` + path + `"`}
	if e.Method != "GET" && e.Method != "POST" {
		curl = append(curl, "-X "+e.Method)
	}
	for _, p := range params {
		arg, n, ok := rp.subParam(p)
		if !ok {
			return Repro{Note: JoinNonEmpty(note, "not written out: it uses "+rp.token+", which is used up, and no published test data makes another like it.")}
		}
		note = JoinNonEmpty(note, n)
		curl = append(curl, "--data-urlencode "+arg)
		stripe = append(stripe, "-d "+arg)
	}
	r.Curl, r.Stripe = strings.Join(curl, " "), strings.Join(stripe, " ")
	if emulatorOnly {
		r.Stripe = ""
	}
	note = JoinNonEmpty(subNote, note)
	if keep != "" {
		r.Curl = keep + "=$(" + r.Curl + idOf + "); echo \"$" + keep + "\""
		if r.Stripe != "" {
			r.Stripe = keep + "=$(" + r.Stripe + idOf + "); echo \"$" + keep + "\""
		}
		r.Keeps = keep
		note = JoinNonEmpty(note, "keeps the new id in $"+keep+" for the lines below.")
	}
	r.Note = note
	return r
}

// challengeArgs are what the emulator's 3D Secure page needs besides the
// action: the client secret of the PaymentIntent (pi, as the path names
// it), which only its link carries and the log does not keep, read from
// the PaymentIntent the replay made; and an Accept asking for its JSON
// rather than the page a browser gets.
func challengeArgs(pi string) []string {
	return []string{
		`--data-urlencode "client_secret=$(curl -sS "$STRIPE_API_BASE/v1/payment_intents/` + pi + `" -u "$STRIPE_API_KEY:"` +
			` | grep -o '"client_secret": *"[^"]*"' | head -n 1 | cut -d'"' -f4)"`,
		`-H 'Accept: application/json'`,
	}
}

// subPath writes a path for double quotes, naming by its variable an id
// an earlier line kept (note says so); ok is false when it names the
// used-up token that no line made (a magic token cannot stand in a path:
// reading it would read a fresh token, not the one the story used).
func (rp *replay) subPath(path string) (quoted, note string, ok bool) {
	segs := strings.Split(Clean(path), "/")
	for i, s := range segs {
		if v, kept := rp.vars[s]; kept {
			segs[i], note = "$"+v, JoinNonEmpty(note, "names "+s+" by $"+v+".")
			continue
		}
		if rp.token != "" && s == rp.token {
			return "", "", false
		}
		segs[i] = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(s)
	}
	return strings.Join(segs, "/"), note, true
}

// subParam writes one parameter as a shell word, naming a kept id by its
// variable and the used-up token by its magic token.
func (rp *replay) subParam(p [2]string) (arg, note string, ok bool) {
	if v, kept := rp.vars[p[1]]; kept && isParamName(p[0]) {
		return `"` + p[0] + "=$" + v + `"`, "names " + p[1] + " by $" + v + ".", true
	}
	if rp.token != "" && p[1] == rp.token {
		if rp.magic == "" {
			return "", "", false
		}
		return shellQuote(p[0] + "=" + rp.magic), "uses " + rp.magic + " (Stripe's magic test token of the same card) for " + rp.token + ".", true
	}
	return shellQuote(p[0] + "=" + p[1]), "", true
}

// isParamName: a parameter name tokenscope sends (source, card[number]):
// letters, _ and brackets, which double quotes keep as they are.
func isParamName(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz_[]") == ""
}

// varName names the variable of an id by its prefix: tok_… is $TOK, a
// second one $TOK_2.
func (rp *replay) varName(id string) string {
	base, _, _ := strings.Cut(id, "_")
	base = strings.ToUpper(base)
	if !isParamName(strings.ToLower(base)) || strings.ContainsAny(base, "[]") {
		base = "ID"
	}
	name := base
	for n := 2; rp.taken(name); n++ {
		name = fmt.Sprintf("%s_%d", base, n)
	}
	return name
}

func (rp *replay) taken(name string) bool {
	for _, v := range rp.vars {
		if v == name {
			return true
		}
	}
	return false
}

// reproParams are e's form parameters with the masked values filled in
// from the published test data the log named; ok is false (and note says
// why) when a masked value has none.
func reproParams(e model.LoggedRequest, now time.Time) (params [][2]string, note string, ok bool) {
	if e.Body == "" {
		return nil, "", true
	}
	var preset model.TokenRequest
	var inputs []model.Input
	if k, p, found := model.PresetNamed(e.TestData); found {
		preset, inputs = p.Request(now), k.Create.Inputs
		if e.StandIn {
			note = "sends Stripe's test data " + p.Name + " in place of the number sent, which is not published test data but has its brand and last 4."
		}
	}
	for _, pair := range strings.Split(e.Body, "&") {
		// A value is what a user typed (a name, a description): cleaned
		// here, so no line written from it carries a terminal escape to
		// whatever file or terminal it reaches.
		k, v, _ := strings.Cut(Clean(pair), "=")
		if !isMasked(v) {
			params = append(params, [2]string{k, v})
			continue
		}
		in, found := inputOf(inputs, k)
		if !found {
			return nil, "not written out: its " + k + " (" + v + ") is not Stripe's published test data, and none has its brand and last 4.", false
		}
		params = append(params, [2]string{k, in.Get(preset)})
	}
	return params, note, true
}

// isMasked reports whether a logged value is a mask (client.RedactForm).
func isMasked(v string) bool {
	return v == model.Sensitive || strings.HasPrefix(v, "•••• ")
}

func inputOf(inputs []model.Input, param string) (model.Input, bool) {
	for _, in := range inputs {
		if in.Param == param && in.Get != nil {
			return in, true
		}
	}
	return model.Input{}, false
}

// shellQuote quotes s as one sh word: bare when it holds only characters
// sh leaves alone, else in single quotes.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,@%+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// CurlOf writes one request of the log on its own (the TUI's c in the
// request log): ids stay as they were sent, masked values are filled in
// from the published test data, as in a report.
func CurlOf(e model.LoggedRequest, now time.Time) Repro {
	return (&replay{vars: map[string]string{}, now: now}).repro(e, "")
}
