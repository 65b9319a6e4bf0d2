package audit

import (
	"context"
	"fmt"

	"github.com/lib/pq"
	"gorm.io/gorm"
)

// namesSQL resolves a page's actors and subjects to readable names in one
// query, through the owners' read-only views (migrations 00016 and 00025):
// a person by their display name (user_names leaves a kandidaat's account
// out), an organisation by its name, an opening by its title and
// organisation, a candidate, invite or placement by the candidate's
// pseudonymous code (never their name: the audit page is no way around the
// rules on who may see a candidate's identity), a booking by its
// organisation. Every object is looked up within the region; anything else
// keeps no name and is shown by its kind.
const namesSQL = `
WITH s AS (
    SELECT k.kind, k.id, CASE WHEN k.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN k.id::uuid END AS uid
    FROM unnest(?::text[], ?::text[]) AS k(kind, id)
)
SELECT s.kind, s.id,
       CASE s.kind
           WHEN 'actor' THEN un.display_name
           WHEN 'user' THEN un.display_name
           WHEN 'organisation' THEN od.name
           WHEN 'opening' THEN concat_ws(' · ', ot.title, otd.name)
           WHEN 'candidate' THEN cc.public_code
           WHEN 'booking' THEN bod.name
           WHEN 'invite' THEN concat_ws(' · ', iot.title, icc.public_code)
           WHEN 'placement' THEN concat_ws(' · ', pot.title, pcc.public_code)
       END AS name
FROM s
LEFT JOIN user_names un ON s.kind IN ('actor', 'user') AND un.id = s.uid
LEFT JOIN organisation_directory od ON s.kind = 'organisation' AND od.id = s.uid AND od.region_id = ?
LEFT JOIN opening_titles ot ON s.kind = 'opening' AND ot.id = s.uid
LEFT JOIN organisation_directory otd ON otd.id = ot.organisation_id AND otd.region_id = ?
LEFT JOIN candidate_codes cc ON s.kind = 'candidate' AND cc.id = s.uid
LEFT JOIN booking_facts bf ON s.kind = 'booking' AND bf.id = s.uid AND bf.region_id = ?
LEFT JOIN organisation_directory bod ON bod.id = bf.organisation_id
LEFT JOIN invite_facts inv ON s.kind = 'invite' AND inv.id = s.uid AND inv.region_id = ?
LEFT JOIN opening_titles iot ON iot.id = inv.opening_id
LEFT JOIN candidate_codes icc ON icc.id = inv.candidate_id
LEFT JOIN placement_facts pf ON s.kind = 'placement' AND pf.id = s.uid AND pf.region_id = ?
LEFT JOIN opening_titles pot ON pot.id = pf.opening_id
LEFT JOIN candidate_codes pcc ON pcc.id = pf.candidate_id`

// Names fills the entries' ActorName and SubjectName (one query for all of
// them); an opening of another region keeps its title only when its
// organisation is of this region.
func Names(ctx context.Context, db *gorm.DB, regionID string, entries []Entry) error {
	type key struct{ kind, id string }
	seen := map[key]bool{}
	var kinds, ids []string
	add := func(kind, id string) {
		if id == "" || seen[key{kind, id}] {
			return
		}
		seen[key{kind, id}] = true
		kinds, ids = append(kinds, kind), append(ids, id)
	}
	for _, e := range entries {
		add("actor", e.ActorUserID)
		add(e.SubjectType, e.SubjectID)
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []struct {
		Kind, ID string
		Name     *string
	}
	if err := db.WithContext(ctx).Raw(namesSQL, pq.Array(kinds), pq.Array(ids), regionID, regionID, regionID, regionID, regionID).Scan(&rows).Error; err != nil {
		return fmt.Errorf("audit names: %w", err)
	}
	names := map[key]string{}
	for _, r := range rows {
		if r.Name != nil {
			names[key{r.Kind, r.ID}] = *r.Name
		}
	}
	for i := range entries {
		entries[i].ActorName = names[key{"actor", entries[i].ActorUserID}]
		entries[i].SubjectName = names[key{entries[i].SubjectType, entries[i].SubjectID}]
	}
	return nil
}

// Actor is a person who acted in a region's log.
type Actor struct{ ID, Name string }

// Actors are the people (not kandidaten: user_names leaves them out) with
// at least one event in the region's log, by name.
func Actors(ctx context.Context, db *gorm.DB, regionID string) ([]Actor, error) {
	var out []Actor
	err := db.WithContext(ctx).Raw(`SELECT un.id, un.display_name AS name FROM user_names un
		WHERE EXISTS (SELECT 1 FROM audit_events e WHERE e.actor_user_id = un.id AND e.region_id = ?)
		ORDER BY un.display_name, un.id`, regionID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("audit actors: %w", err)
	}
	return out, nil
}
