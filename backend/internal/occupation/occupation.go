// Package occupation holds the ESCO occupations with Dutch labels that
// openings and candidates name, and their ISCO-08 unit groups, which let
// matching treat "same unit group" as a near match. The data ships in the
// binary (ESCO, © European Union, CC BY 4.0; see NOTICE) and is loaded into
// Postgres by `werkhaven migrate` and projected into the `occupations` index.
package occupation

// Occupation is one ESCO occupation.
type Occupation struct {
	ID          string   // last part of the ESCO URI
	ESCOCode    string   // e.g. 9333.1
	ISCOGroup   string   // ISCO-08 unit group, 4 digits
	ISCOLabel   string   // Dutch label of the unit group
	Label       string   // Dutch preferred label
	AltLabels   []string // Dutch alternative labels, used as synonyms
	Description string
	// Near is set on a result found through the unit group of the best
	// match rather than by the query itself.
	Near bool
}

// IndexName is the Meilisearch index of occupations.
const IndexName = "occupations"
