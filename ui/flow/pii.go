package flow

import (
	"github.com/charmbracelet/huh"
	"github.com/tokenscope/tokenscope/model"
)

// piiForm is the PII token form: a test id-number preset and the number,
// which is never echoed.
type piiForm struct {
	preset, idNumber, applied string
	idIn                      *huh.Input
}

func newPIIForm() *piiForm {
	p := &piiForm{preset: model.IDNumbers[0].Name}
	p.sync()
	return p
}

func (p *piiForm) kind() model.Kind { return model.KindPII }

func (p *piiForm) fields(rows, width int) []huh.Field {
	names := make([]string, len(model.IDNumbers))
	expects := make([]string, len(model.IDNumbers))
	for i, e := range model.IDNumbers {
		names[i], expects[i] = e.Name, e.Expect
	}
	p.idIn = secret("ID number", &p.idNumber, check(model.ValidateIDNumber))
	return []huh.Field{presetPicker(&p.preset, min(rows, len(names)+1), width, names, expects), p.idIn}
}

func (p *piiForm) sync() bool {
	if p.preset == p.applied {
		return false
	}
	p.applied = p.preset
	e, ok := model.IDByName(p.preset)
	if !ok {
		return false
	}
	p.idNumber = e.IDNumber
	if p.idIn != nil {
		p.idIn.Value(&p.idNumber)
	}
	return true
}

func (p *piiForm) request() (model.TokenRequest, error) {
	req := model.TokenRequest{Kind: model.KindPII, PII: &model.PIIInput{IDNumber: model.Digits(p.idNumber)}}
	if e, ok := model.IDByName(p.preset); ok && e.IDNumber == req.PII.IDNumber {
		req.Preset = e.Name
	}
	return req, nil
}
