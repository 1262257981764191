package service

import (
	"errors"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// Bad input fails at once with its field and code, even while another
// tokenscope holds the state lock: the local check runs before the lock is
// taken, so it neither waits for the lock nor is hidden by its error.
func TestSessionRefusesBadInputBeforeTheLock(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Handler: emu})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir, LockTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{api: c, store: store}
	release, err := fsutil.Lock(t.Context(), store.Path()+".lock", -1, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)

	check := func(what string, err error, param, code string, start time.Time) {
		t.Helper()
		var lockErr *state.LockError
		e, ok := model.AsError(err)
		switch {
		case errors.As(err, &lockErr):
			t.Errorf("%s: %v, want %s on %s, not a lock error", what, err, code, param)
		case !ok || e.Code != code || e.Param != param || !e.Local:
			t.Errorf("%s: %v, want a local %s on %s", what, err, code, param)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v waiting for the lock, want at once", what, d)
		}
	}
	start := time.Now()
	_, err = s.Create(t.Context(), model.TokenRequest{Kind: model.KindCard, Card: &model.CardInput{Number: "4242424242424241", ExpMonth: 12, ExpYear: 2031}}, "")
	check("create", err, model.ParamNumber, "incorrect_number", start)

	start = time.Now()
	_, _, err = s.Use(t.Context(), model.UseRequest{TokenID: "not-a-token", Kind: model.UseCustomer})
	fe, _ := model.ValidateUse(model.UseRequest{TokenID: "not-a-token", Kind: model.UseCustomer}).(*model.FieldError)
	if fe == nil {
		t.Fatal("the use request the test sends is valid")
	}
	check("use", err, fe.Param, fe.Code, start)
}
