package opening

import "testing"

func TestFairnessBlocks(t *testing.T) {
	blocked := map[string]FairnessCategory{
		"Wij zoeken een jonge collega voor ons magazijn": Age,
		"Leeftijd max 30 jaar":                           Age,
		"Kandidaat is maximaal 45 jaar":                  Age,
		"Je bent tussen 18 en 25 jaar":                   Age,
		"Je komt in een jong en dynamisch team":          Age,
		"Alleen mannen vanwege het zware werk":           Gender,
		"Wij zoeken een vrouwelijke medewerker":          Gender,
		"Dame gezocht voor de receptie":                  Gender,
		"Bij voorkeur van Nederlandse afkomst":           Origin,
		"Moedertaal Nederlands is een pré":               Origin,
		"Je hebt de Nederlandse nationaliteit":           Origin,
		"Geen hoofddoek tijdens het werk":                Religion,
		"Je hebt geen chronische ziekte":                 Health,
		"Wij vragen iemand die kerngezond is":            Health,
		"Geen kinderwens in de komende jaren":            Pregnancy,
	}
	for text, cat := range blocked {
		hits := CheckFairness("", text)
		if len(hits) == 0 || hits[0].Category != cat || hits[0].ReasonNL == "" || hits[0].Field != "description" {
			t.Errorf("%q: want a %s hit, got %+v", text, cat, hits)
		}
	}
}

func TestFairnessReportsWhereAndInOrder(t *testing.T) {
	hits := CheckFairness("Jonge collega gezocht", "Alleen mannen. Nederlandse afkomst.")
	if len(hits) != 3 {
		t.Fatalf("want 3 hits, got %+v", hits)
	}
	if hits[0].Field != "title" || hits[0].Match != "Jonge collega" || hits[0].Start != 0 {
		t.Errorf("first hit: %+v", hits[0])
	}
	if hits[1].Category != Gender || hits[2].Category != Origin || hits[2].Start < hits[1].Start {
		t.Errorf("description hits out of order: %+v", hits[1:])
	}
}
