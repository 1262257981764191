package flow

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/ui/common"
)

func TestChooserKeys(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.shows("› card")
	r.keys("down")
	r.shows("› bank account")
	r.keys("up", "up")
	r.shows("› retrieve by id")
	r.keys("tab", "tab", "enter")
	r.shows("New bank account token", "110000000", "000123456789")
	r.keys("esc")
	r.shows("› bank account")
	r.keys("esc")
	s := r.until("cancelled", func(s snapshot) bool { return s.done != nil })
	if !s.done.Cancelled || s.done.Record != nil || s.done.Status != "" {
		t.Fatalf("esc at the chooser: %+v, want Cancelled, no record, no status", s.done)
	}
}

func TestCtrlCLeavesForm(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("New card token")
	r.keys("ctrl+c")
	if s := r.until("done", func(s snapshot) bool { return s.done != nil }); !s.done.Cancelled {
		t.Fatalf("ctrl+c in the form: %+v", s.done)
	}
}

func TestPresetFillsFields(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	r := start(t, NewToken(pc), 120, 40)
	r.keys("enter")
	r.shows("4242 4242 4242 4242", "CVC        *** ") // three digits, masked
	r.keys(down(6)...)                                // amex
	r.shows("› amex ", "3782 822463 10005", "CVC        ****", "12/31")
	r.keys(down(insufficientFunds - 6)...)
	r.shows("4000 0000 0000 9995", "CVC        *** ")
	r.keys("enter")
	r.shows("(test card: insufficient_funds)", `card.exp    = "12/2031"`)
}

// End (and up from the first preset) shows the last window-full of
// presets, "custom" at the bottom, not "custom" alone above blank rows;
// and it chooses custom, so the fields stay as typed.
func TestPresetEndShowsAFullWindow(t *testing.T) {
	last := model.Cards[len(model.Cards)-1].Name
	above := model.Cards[len(model.Cards)-3].Name
	for _, keys := range [][]string{{"end"}, {"up"}, {"down", "down", "end"}} {
		pc, _ := newContext(t, 80, 24, setup{})
		tok := NewToken(pc).(*Token)
		r := start(t, tok, 80, 24)
		r.keys("enter")
		r.shows("┃ Preset")
		r.keys(keys...)
		s := r.shows("› custom", "  "+last+" ", "  "+above+" ")
		if strings.Contains(s.view, "┃                    ") { // a blank row in the window
			t.Errorf("%v: blank rows in the preset window:\n%s", keys, s.view)
		}
		r.h.mu.Lock() // the program updates the flow under it
		preset := tok.forms[model.KindCard].preset
		r.h.mu.Unlock()
		if preset != custom {
			t.Errorf("%v: the cursor is on custom but the preset is %q", keys, preset)
		}
	}
}

func TestTabMovesFocus(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab")
	r.shows("┃ Number")
	r.keys("tab")
	r.shows("┃ Expires")
	r.keys("shift+tab")
	r.shows("┃ Number")
}

func TestInvalidNumberStopsReview(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab")
	r.shows("┃ Number")
	r.keys("ctrl+u", "4242424242424241", "enter")
	s := r.shows("! number: incorrect_number, the card number fails the Luhn check")
	if strings.Contains(s.view, "Plan:") {
		t.Fatal("a plan was shown for an invalid number")
	}
}

// A number outside Stripe's test cards is refused with advice the TUI can
// follow: the CLI's --allow-any-number has no field in the form.
func TestNonTestNumberAdviceIsTheTUIs(t *testing.T) {
	pc, _ := newContext(t, 200, 40, setup{})
	r := start(t, NewToken(pc), 200, 40)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab")
	r.shows("┃ Number")
	r.keys("ctrl+u", "4111111111111111", "enter")
	s := r.shows("test_mode_live_card", "pick a test card from the Preset list")
	if strings.Contains(s.view, "--allow-any") {
		t.Errorf("the TUI names a CLI flag:\n%s", s.view)
	}
}

// An account token of a company is named by its company name; the first
// and last name the form starts with are an individual's, and not sent.
func TestAccountFormSendsTheCompanyName(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	r := start(t, NewToken(pc), 120, 40)
	i := slices.IndexFunc(choices, func(e entry) bool { return e.spec != nil && e.spec.Kind == model.KindAccount })
	r.keys(down(i)...)
	r.keys("enter")
	r.shows("New account token", "┃ Business type")
	r.keys("right")
	r.shows("← company →")
	r.keys("enter")
	s := r.shows("Plan: 1 to add", `account.company_name  = "Rocket Rides"`)
	if strings.Contains(s.view, "first_name") || strings.Contains(s.view, "Jenny") {
		t.Errorf("a company's plan sends an individual's name:\n%s", s.view)
	}
}

func TestPlanEscKeepsValues(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab")
	r.shows("┃ Number")
	r.keys("ctrl+u", "5555555555554444", "enter")
	r.shows("•••• •••• •••• 4444", "(test card: mastercard)", "Plan: 1 to add")
	r.keys("esc")
	r.shows("5555555555554444", "enter: review the plan")
	r.keys("enter")
	r.shows("•••• •••• •••• 4444")
}

func TestFailureKeepsValues(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{wrap: refuseRawCards})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("tab", "tab", "tab", "tab")
	r.shows("┃ Name")
	r.keys("ctrl+u", "Ada Lovelace", "enter")
	r.shows(`card.name   = "Ada Lovelace"`)
	r.keys("enter")
	r.shows("! invalid_request_error", "HTTP 402", "req_RawCardRefused1", "everything you typed is kept")
	r.keys("esc")
	r.shows("Ada Lovelace", "4242 4242 4242 4242", "enter: review the plan")
	if s := r.h.snap(); s.done != nil {
		t.Fatalf("a failed create ended the flow: %+v", s.done)
	}
}

func TestInFlightWhileCreating(t *testing.T) {
	pc, g := newContext(t, 80, 24, setup{held: true})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter", "enter")
	r.shows("Plan: 1 to add")
	if r.h.snap().inFlight {
		t.Fatal("in flight before apply")
	}
	r.keys("enter")
	s := r.shows("Creating token… POST /v1/tokens")
	if !s.inFlight {
		t.Fatal("InFlight false while the create is held")
	}
	r.keys("ctrl+c") // the shell asks before quitting; esc would cancel (cancel_test.go)
	close(g.open)
	s = r.until("done", func(s snapshot) bool { return s.done != nil })
	if s.done.Cancelled || s.done.Record == nil || !strings.HasPrefix(s.done.Record.ID, "tok_") {
		t.Fatalf("done = %+v, want the created record", s.done)
	}
	if want := "created " + s.done.Record.ID + " (Visa •••• 4242)"; s.done.Status != want {
		t.Fatalf("status %q, want %q", s.done.Status, want)
	}
	if s.inFlight {
		t.Fatal("still in flight after the reply")
	}
	if _, ok, err := pc.Session.Token(s.done.Record.ID); err != nil {
		t.Fatal(err)
	} else if !ok {
		t.Fatal("the created token is not in the state")
	}
}

func TestRetrieve(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewRetrieve(pc), 80, 24)
	r.keys("foo_123", "enter")
	r.shows("! resource_missing  (local check, nothing was sent)", "No such token: 'foo_123'", "tok_, btok_")
	r.keys("ctrl+u", "tok_nope12345", "enter")
	r.shows("! resource_missing  (HTTP 404)", "request id", "tok_nope12345")
	if r.h.snap().done != nil {
		t.Fatal("a failed retrieve ended the flow")
	}
	r.keys("ctrl+u", "tok_visa", "enter")
	s := r.until("done", func(s snapshot) bool { return s.done != nil })
	if s.done.Record == nil || !strings.HasPrefix(s.done.Status, "retrieved ") {
		t.Fatalf("done = %+v", s.done)
	}
}

func TestRetrieveFromChooserGoesBack(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("up", "enter")
	r.shows("Retrieve a token")
	r.keys("esc")
	r.shows("› retrieve by id")
	if r.h.snap().done != nil {
		t.Fatal("esc in retrieve closed the whole flow")
	}
}

func TestUseSucceedsThenAlreadyUsed(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	rec := created(t, pc, "visa")
	r := start(t, NewUse(pc, rec), 120, 40)
	r.shows("enter: review the plan (10.00 usd) · tab: change the amount")
	r.keys("tab") // charge it: the amount and currency, defaults filled
	if s := r.shows("┃ Amount", "in the smallest unit: 1000 = 10.00 usd", "┃ 1000", "Currency   usd"); strings.Contains(s.view, "usd1000") {
		t.Errorf("the amount's hint is glued to its value:\n%s", s.view)
	}
	r.keys("enter")
	r.shows("# charge.visa will be created", "amount   = 1000", "test card visa, expected: succeeds")
	r.keys("enter")
	r.shows("+ charge succeeded", "10.00 usd", "is now ● used")
	// The shell hears of the used token while the outcome is on screen.
	r.until("the token, changed", func(s snapshot) bool { return s.changed != nil && s.changed.Record.Used && s.done == nil })
	r.keys("x")
	s := r.until("done", func(s snapshot) bool { return s.done != nil })
	if s.done.Record == nil || !s.done.Record.Used || !strings.HasPrefix(s.done.Status, "charge succeeded") {
		t.Fatalf("done = %+v, want the re-read token, used", s.done)
	}

	r2 := start(t, NewUse(pc, *s.done.Record), 120, 40)
	r2.shows("is already used: Stripe will refuse it with token_already_used")
	r2.keys("enter") // enter on the choice: the plan, 10.00 usd
	r2.shows("already used: expected token_already_used")
	r2.keys("enter")
	s2 := r2.shows("! charge failed", "token_already_used", "why", "was already ● used", "consumed by charge "+s.done.Record.Uses[0].ObjectID)
	if strings.Contains(s2.view, "is now ● used") {
		t.Errorf("a refused second use says the token is now used:\n%s", s2.view)
	}
}

func TestUseCustomerAndAmountCheck(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	rec := created(t, pc, "visa")
	r := start(t, NewUse(pc, rec), 80, 24)
	r.keys("tab")
	r.shows("┃ Amount")
	r.keys("ctrl+u", "10", "enter")
	r.shows("! amount: amount_too_small")
	r.keys("esc")
	if s := r.until("done", func(s snapshot) bool { return s.done != nil }); !s.done.Cancelled {
		t.Fatalf("esc at the first step: %+v", s.done)
	}
	r2 := start(t, NewUse(pc, rec), 80, 24)
	r2.keys("down", "enter")
	r2.shows("# customer.visa will be created", "POST /v1/customers")
	r2.keys("enter")
	r2.shows("+ customer created", "cus_")
}

// TestNoSecretsAfterSubmission follows a card, a bank account and an id
// number from the form through the plan, the request in flight and its
// answer (success, refusal, decline), and fails if any view after the
// submission shows the number, the CVC or the id number other than masked.
func TestNoSecretsAfterSubmission(t *testing.T) {
	// step sends keys, then waits for the view to show until (the focus
	// moving, a preset filling in), as huh moves focus by a command.
	type step struct {
		keys  []string
		until string
	}
	type secretFlow struct {
		name    string
		setup   setup
		steps   []step
		secrets []string
		wait    string // the answer
	}
	card := func(number, cvc string) []step {
		return []step{
			{[]string{"enter"}, "┃ Preset"}, {[]string{"tab"}, "┃ Number"},
			{[]string{"ctrl+u", number, "tab"}, "┃ Expires"}, {[]string{"tab"}, "┃ CVC"},
			{[]string{"ctrl+u", cvc}, "CVC        *** "},
		}
	}
	flows := []secretFlow{
		{"card declined later", setup{held: true}, card("4000 0000 0000 9995", "987"),
			[]string{"4000000000009995", "4000 0000 0000 9995", "987"}, "created tok_"},
		{"card refused", setup{held: true, wrap: refuseRawCards}, card("5555555555554444", "654"),
			[]string{"5555555555554444", "5555 5555 5555 4444", "654"}, "HTTP 402"},
		{"bank", setup{held: true}, []step{{[]string{"down", "enter"}, "┃ Preset"}, {[]string{"down", "down", "down"}, "000222222227"}},
			[]string{"000222222227"}, "created btok_"},
		{"pii", setup{held: true}, []step{{[]string{"down", "down", "enter"}, "┃ Preset"}, {[]string{"tab"}, "┃ ID number"},
			{[]string{"ctrl+u", "123-45-6789"}, "ID number  ***********"}},
			[]string{"123456789", "123-45-6789"}, "created pii_"},
	}
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			pc, g := newContext(t, 100, 40, f.setup)
			r := start(t, NewToken(pc), 100, 40)
			for _, st := range f.steps {
				r.keys(st.keys...)
				r.shows(st.until)
			}
			var views []string
			r.keys("enter")
			views = append(views, r.shows("Plan: 1 to add").view)
			r.keys("enter")
			views = append(views, r.shows("Creating token…").view)
			close(g.open)
			s := r.until(f.wait, func(s snapshot) bool { return s.done != nil || strings.Contains(s.view, f.wait) })
			views = append(views, s.view)
			if s.done != nil {
				if s.done.Record == nil {
					t.Fatalf("done without a record: %+v", s.done)
				}
				views = append(views, s.done.Status, string(s.done.Record.Raw))
				rec := *s.done.Record
				if uses := UsesOf(rec); len(uses) > 0 {
					u := start(t, NewUse(pc, rec), 100, 40)
					if uses[0] == model.UseIDNumber {
						u.keys("enter", "acct_nope") // on to the account
					}
					u.keys("enter")
					views = append(views, u.shows("Plan: ").view)
					u.keys("enter")
					views = append(views, u.shows("key: close").view)
				}
			}
			for _, v := range views {
				v = randomIDs.ReplaceAllString(v, "ID")
				for _, secret := range f.secrets {
					if strings.Contains(v, secret) {
						t.Errorf("%q shown after submission:\n%s", secret, v)
					}
				}
			}
		})
	}
}

// TestAsciiCarriesNoColour renders every step with an Ascii renderer while
// lipgloss's default renderer has colour: any style not bound to the
// program's renderer would leak escape codes.
func TestAsciiCarriesNoColour(t *testing.T) {
	def := lipgloss.DefaultRenderer()
	old := def.ColorProfile()
	def.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { def.SetColorProfile(old) })

	views := func(r *lipgloss.Renderer) []string {
		pc := common.NewContext(nil, r, io.Discard, func() time.Time { return clock })
		tok := NewToken(pc)
		tok.SetSize(80, 24)
		out := []string{tok.View()}
		for _, k := range []string{"enter", "down", "tab", "4", "enter"} {
			send(tok, keyMsg(k))
			out = append(out, tok.View())
		}
		out = append(out, common.RenderError(pc, &model.FieldError{Type: "card_error", Code: "incorrect_number", Param: "number", Message: "x"}, 80))
		return out
	}
	ascii := lipgloss.NewRenderer(io.Discard)
	ascii.SetColorProfile(termenv.Ascii)
	for _, v := range views(ascii) {
		if strings.Contains(v, "\x1b[") {
			t.Fatalf("escape codes with the Ascii profile:\n%q", v)
		}
	}
	colour := lipgloss.NewRenderer(io.Discard)
	colour.SetColorProfile(termenv.ANSI256)
	colour.SetHasDarkBackground(true)
	coloured := 0
	for _, v := range views(colour) {
		if strings.Contains(v, "\x1b[") {
			coloured++
		}
	}
	if coloured == 0 {
		t.Fatal("no colour with a 256-colour renderer: the styles are not used")
	}
}

// send updates a flow synchronously, running the commands huh answers with
// that move focus (no timers).
func send(c tea.Model, msg tea.Msg) {
	c.Update(msg)
}

// Keys queued behind a tab land in the field the tab moved to: huh moves
// the focus through a command whose message arrives after them, so
// "tab tab Y" typed Y into Number, not Expires.
func TestKeysAfterTabLandInTheNextField(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	tok := NewToken(pc).(*Token)
	r := start(t, tok, 80, 24)
	r.keys("enter")
	r.shows("New card token")
	r.keys("tab", "tab", "Y", "shift+tab", "Z")
	var number, expiry string
	r.until("Y and Z to be typed", func(snapshot) bool {
		r.h.mu.Lock()
		defer r.h.mu.Unlock()
		c := tok.forms[model.KindCard]
		number, expiry = c.values[0], c.values[1]
		return strings.Count(number+expiry, "Y") == 1 && strings.Count(number+expiry, "Z") == 1
	})
	if number != "4242 4242 4242 4242Z" || expiry != "12/31Y" {
		t.Errorf("number %q, expiry %q; want Z after the number and Y after the expiry", number, expiry)
	}
}

// q closes the New token menu, as esc does (lazygit's habit).
func TestQClosesChooser(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("q")
	if s := r.until("done", func(s snapshot) bool { return s.done != nil }); !s.done.Cancelled {
		t.Fatalf("q in the menu: %+v", s.done)
	}
}

// awaitReply takes this flow's reply, turns the spinner on its ticks, and
// drops the reply of a flow closed since.
func TestAwaitReply(t *testing.T) {
	spin := spinner.New(spinner.WithSpinner(spinner.Dot))
	before := spin.View()
	if _, ok, cmd := awaitReply(spin.Tick(), 7, &spin); ok || cmd == nil || spin.View() == before {
		t.Errorf("a tick: ok %v, next tick %v, frame %q -> %q", ok, cmd != nil, before, spin.View())
	}
	if _, ok, cmd := awaitReply(reply{flow: 6, rec: model.Record{ID: "tok_old"}}, 7, &spin); ok || cmd != nil {
		t.Errorf("another flow's reply was taken")
	}
	want := errors.New("declined")
	if r, ok, _ := awaitReply(reply{flow: 7, rec: model.Record{ID: "tok_new"}, err: want}, 7, &spin); !ok || r.rec.ID != "tok_new" || r.err != want {
		t.Errorf("this flow's reply: %+v %v", r, ok)
	}
}

// The preset list fills the room the form has, with no blank rows under
// it but those kept to say a cut preset in full, and says which preset
// is chosen once the focus leaves it.
func TestPresetListFillsTheRoomAndSaysWhatIsChosen(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {100, 30}} {
		pc, _ := newContext(t, sz[0], sz[1], setup{})
		r := start(t, NewToken(pc), sz[0], sz[1])
		r.keys("enter")
		s := r.shows("┃ Preset", "   Number")
		lines := strings.Split(s.view, "\n")
		if len(lines) != sz[1] {
			t.Errorf("%dx%d: the form is %d lines, want the %d of the screen:\n%s", sz[0], sz[1], len(lines), sz[1], s.view)
		}
		listed := strings.Count(s.view, "┃ ") - 1 // the title's line
		// Two rows under the form say a cut preset in full (inFull).
		if min := sz[1] - 11; listed < min {
			t.Errorf("%dx%d: %d presets listed, want at least %d:\n%s", sz[0], sz[1], listed, min, s.view)
		}
		r.keys(down(insufficientFunds)...)
		r.keys("tab")
		s = r.shows("┃ Number     4000 0000 0000 9995")
		if !strings.Contains(s.view, "  Preset     insufficient_funds  ") || strings.Contains(s.view, "lost_card") {
			t.Errorf("%dx%d: the blurred picker does not say, in one line, which preset is chosen:\n%s", sz[0], sz[1], s.view)
		}
	}
}

// Typing filters the presets, as a burst or key by key; esc clears the
// filter (the preset hovered stays chosen), the next esc leaves the form
// for the chooser.
func TestPresetTypeToFilter(t *testing.T) {
	for _, typed := range [][]string{{"i", "n", "s", "u", "f"}, {"insuf"}} {
		pc, _ := newContext(t, 80, 24, setup{})
		r := start(t, NewToken(pc), 80, 24)
		r.keys("enter")
		r.shows("┃ Preset")
		r.keys(typed...)
		s := r.shows("/insuf", "› insufficient_funds", "4000 0000 0000 9995", "esc: clear the filter")
		if strings.Contains(s.view, "visa") {
			t.Errorf("%q: the filter keeps presets that do not match:\n%s", typed, s.view)
		}
		r.keys("esc")
		r.shows("┃ Preset", "› insufficient_funds", "lost_card")
		if r.h.snap().done != nil {
			t.Fatalf("%q: esc clearing the filter closed the form", typed)
		}
		r.keys("j", "esc")
		r.shows("› card ")
	}
	// A filter, then enter: the plan of the preset found.
	pc, _ := newContext(t, 120, 40, setup{})
	r := start(t, NewToken(pc), 120, 40)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("lost", "enter")
	r.shows("Plan: 1 to add", "(test card: lost_card)")
}

// shift+tab on the first field goes nowhere: the preset list stays
// focused and open (huh blurred it in place, and it closed to one line).
func TestShiftTabOnTheFirstFieldKeepsIt(t *testing.T) {
	pc, _ := newContext(t, 80, 24, setup{})
	r := start(t, NewToken(pc), 80, 24)
	r.keys("enter")
	r.shows("┃ Preset")
	r.keys("shift+tab", "down")
	r.shows("┃ Preset", "› visa_debit", "type to filter the presets")
}
