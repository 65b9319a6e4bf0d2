package msg

import "maps"

// catalogue is every message; each domain's texts are in a file of their
// own (problems.go for the HTTP layer's).
var catalogue = merge(problems, apperrTexts, authzTexts, bookingTexts, candidateTexts, identityTexts, inviteTexts, matchingTexts, openingTexts)

func merge(parts ...map[ID]Text) map[ID]Text {
	out := map[ID]Text{}
	for _, p := range parts {
		for id := range p {
			if _, dup := out[id]; dup {
				panic("msg: " + string(id) + " is in the catalogue twice")
			}
		}
		maps.Copy(out, p)
	}
	return out
}
