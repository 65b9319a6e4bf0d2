package apptest

type Candidate struct {
	ID           string   `json:"id"`
	PublicCode   string   `json:"publicCode"`
	Status       string   `json:"status"`
	Consent      bool     `json:"consent"`
	Freshness    string   `json:"freshness"`
	Completeness int      `json:"completeness"`
	Missing      []string `json:"missing"`
	HasAccount   bool     `json:"hasAccount"`
	Profile      struct {
		PC4 string `json:"pc4"`
	} `json:"profile"`
}
