package flow

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A key pressed while the plan is being made (s enter R in one burst)
// is handled once it is shown: R was lost, the plan read as it was.
func TestScenarioKeepsKeysTypedWhileThePlanIsMade(t *testing.T) {
	pc, _ := newContext(t, 120, 40, setup{})
	s := NewScenario(pc).(*Scenario)
	_, load := s.Update(keyMsg("enter")) // the first pack: its plan is being made
	s.Update(keyMsg("R"))                // before it is shown
	if load == nil {
		t.Fatal("enter made no plan")
	}
	var msg tea.Msg = load()
	if _, again := s.Update(msg); again == nil || !s.replaceAll {
		t.Fatalf("the R typed while the plan was made was lost (replace all %v)", s.replaceAll)
	}
}
