package apptest

type Pool struct {
	Items []struct {
		ID            string   `json:"id"`
		Code          string   `json:"code"`
		DistanceKm    int      `json:"distanceKm"`
		MatchedSkills []string `json:"matchedSkills"`
		MissingSkills []string `json:"missingSkills"`
		Freshness     string   `json:"freshness"`
		// OccupationMatch: exact, close, related or other; Band 1–4.
		OccupationMatch string `json:"occupationMatch"`
		Band            int    `json:"band"`
		Reasons         []struct {
			Criterion, Outcome, ReasonNl, Gap string
		} `json:"reasons"`
	} `json:"items"`
	Total      int                       `json:"total"`
	TotalPages int                       `json:"totalPages"`
	Facets     map[string]map[string]int `json:"facets"`
}

func (p Pool) IDs() []string {
	var out []string
	for _, c := range p.Items {
		out = append(out, c.ID)
	}
	return out
}
