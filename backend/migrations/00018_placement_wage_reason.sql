-- +goose Up
-- A placement on a paid contract below the adult statutory minimum wage
-- says why: a youth wage (jeugdloon, under 21) or loondispensatie (the
-- employer pays the loonwaarde, the municipality tops up). Unpaid kinds
-- (proefplaatsing, geen) carry no wage and no reason.
ALTER TABLE placements
    ADD COLUMN below_minimum_wage_reason text
        CHECK (below_minimum_wage_reason IN ('jeugdloon', 'loondispensatie'));

-- +goose Down
ALTER TABLE placements DROP COLUMN below_minimum_wage_reason;
