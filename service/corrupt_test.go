package service

import (
	"os"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/emulator"
	"github.com/tokenscope/tokenscope/internal/fsutil"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
	"github.com/tokenscope/tokenscope/model/state"
)

// With a state.json that cannot be read, Create, Use, Fetch and Refresh
// send nothing: a token made now could not be recorded.
func TestUnreadableStateSendsNothing(t *testing.T) {
	dir := t.TempDir()
	emu, err := emulator.New(emulator.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	h := &testio.Counting{H: emu}
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	store, err := state.Open(state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{api: c, store: store}
	if err := os.WriteFile(store.Path(), []byte(`{"version":1,"workspa`), fsutil.FileMode); err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	_, err1 := s.Create(ctx, testio.Preset(t, "visa"), "")
	_, _, err2 := s.Use(ctx, model.UseRequest{TokenID: "tok_visa", Kind: model.UseCustomer})
	_, err3 := s.Fetch(ctx, "tok_visa")
	_, err4 := s.Refresh(ctx, []string{"tok_visa"}, nil)
	for i, err := range []error{err1, err2, err3, err4} {
		if err == nil || !strings.Contains(err.Error(), "cannot read state") {
			t.Errorf("call %d: %v", i+1, err)
		}
	}
	if n := h.N.Load(); n != 0 {
		t.Fatalf("%d requests sent with an unreadable state, want 0", n)
	}
}
