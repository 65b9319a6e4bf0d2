package occupation

import "context"

// Known counts how many of ids are occupations (a duplicate id counts once).
func (s *Service) Known(ctx context.Context, ids []string) (int, error) {
	var n int64
	err := s.DB.WithContext(ctx).Table("occupations").Where("id IN ?", ids).Count(&n).Error
	return int(n), err
}

// Labels are the Dutch labels of the occupations among ids, by id.
func (s *Service) Labels(ctx context.Context, ids []string) (map[string]string, error) {
	var rows []struct{ ID, Label string }
	if err := s.DB.WithContext(ctx).Table("occupations").Select("id, label").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	labels := make(map[string]string, len(rows))
	for _, r := range rows {
		labels[r.ID] = r.Label
	}
	return labels, nil
}
