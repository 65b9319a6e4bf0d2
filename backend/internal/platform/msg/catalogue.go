package msg

import (
	_ "embed"
	"encoding/json"
)

// messages.json is the catalogue: every message by id, in Dutch and
// English. It is data, so translators and reviewers read one file.
//
//go:embed messages.json
var messagesJSON []byte

var catalogue = load(messagesJSON)

func load(b []byte) map[ID]Text {
	out := map[ID]Text{}
	if err := json.Unmarshal(b, &out); err != nil {
		panic("msg: messages.json: " + err.Error())
	}
	return out
}
