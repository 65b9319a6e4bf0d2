package subsidy

import "slices"

// Employment are the placement contracts that are an employment contract
// (arbeidsovereenkomst): LKS, LKV and the no-riskpolis need one; a
// proefplaatsing or a placement without a contract ("geen") is not.
var Employment = []string{"vast", "tijdelijk", "uitzend", "oproep", "leerwerk"}

// IsEmployment says whether contract is an employment contract.
func IsEmployment(contract string) bool { return slices.Contains(Employment, contract) }

// Facts are what decides which schemes apply to a placement (or to an
// invite a kandidaat said yes to, before there is a placement: contract "").
type Facts struct {
	Contract          string // a placement's contract type; "" before the placement
	LKSIndicatie      bool   // the gemeente indicated the candidate for loonkostensubsidie
	Doelgroepregister bool   // the candidate is in UWV's doelgroepregister (banenafspraak)
}

// Applies lists the schemes that may apply, in Schemes order: an amount is
// still the decider's to set.
func Applies(f Facts) []Scheme {
	employed := f.Contract == "" || IsEmployment(f.Contract)
	var out []Scheme
	if f.LKSIndicatie && employed {
		out = append(out, LKS)
	}
	if f.Doelgroepregister && employed {
		out = append(out, LKV, NoRiskPolis)
	}
	if f.Contract == "" || f.Contract == "proefplaatsing" {
		out = append(out, Proefplaatsing)
	}
	return append(out, Jobcoaching)
}
