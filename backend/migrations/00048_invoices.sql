-- +goose Up
-- Invoices (facturen) for paid bookings, art. 35a Wet OB (package booking,
-- docs/invoices.md). Who supplies a service issues its invoice: the
-- provider organisation, or the region (the gemeente) for its own
-- services. Both get the address, KvK and btw-identificatienummer an
-- invoice names (identity owns them); invoice_parties shows them.
ALTER TABLE organisations
    ADD COLUMN street      text NOT NULL DEFAULT '' CHECK (length(street) <= 200),
    ADD COLUMN city        text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
    ADD COLUMN vat_number  text NOT NULL DEFAULT '' CHECK (vat_number = '' OR vat_number ~ '^NL[0-9]{9}B[0-9]{2}$');
ALTER TABLE regions
    ADD COLUMN legal_name  text NOT NULL DEFAULT '' CHECK (length(legal_name) <= 200),
    ADD COLUMN street      text NOT NULL DEFAULT '' CHECK (length(street) <= 200),
    ADD COLUMN postcode    text NOT NULL DEFAULT '' CHECK (postcode = '' OR postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    ADD COLUMN city        text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
    ADD COLUMN kvk_number  text NOT NULL DEFAULT '' CHECK (kvk_number = '' OR kvk_number ~ '^[0-9]{8}$'),
    ADD COLUMN vat_number  text NOT NULL DEFAULT '' CHECK (vat_number = '' OR vat_number ~ '^NL[0-9]{9}B[0-9]{2}$');

-- identity: the parties of an invoice, organisations and regions alike
-- (a region is its own region).
CREATE VIEW invoice_parties AS
    SELECT id, region_id, name, street, postcode, city, kvk_number, vat_number
    FROM organisations
    UNION ALL
    SELECT id, id AS region_id, CASE WHEN legal_name = '' THEN name ELSE legal_name END, street, postcode, city, kvk_number, vat_number
    FROM regions;

-- A catalogue price includes btw at vat_rate (21, 9 or 0 %), or the service
-- is exempt (vat_rate NULL) on the legal ground in vat_exemption.
ALTER TABLE services
    ADD COLUMN vat_rate       integer NULL DEFAULT 21 CHECK (vat_rate IN (0, 9, 21)),
    ADD COLUMN vat_exemption  text NOT NULL DEFAULT '' CHECK (length(vat_exemption) <= 300),
    ADD CONSTRAINT services_vat_check CHECK ((vat_rate IS NULL) = (btrim(vat_exemption) <> ''));

-- What a period's Checkout told Stripe: the platform fee kept and the
-- connected account the rest goes to (NULL: no destination charge).
ALTER TABLE booking_periods
    ADD COLUMN platform_fee_cents  bigint NULL CHECK (platform_fee_cents >= 0),
    ADD COLUMN transfer_account    text NULL;

-- One gap-free series per supplier: the counter row is taken (and so
-- locked) in the payment's transaction, a rollback gives the number back.
CREATE TABLE invoice_counters (
    supplier_id  uuid PRIMARY KEY,
    last_number  integer NOT NULL CHECK (last_number >= 1)
);

-- An invoice copies its parties and figures when issued and never
-- changes; a refund is a credit invoice (negative amounts) naming the
-- invoice it corrects. No kandidaat data: the service and the booking.
CREATE TABLE invoices (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id           uuid NOT NULL REFERENCES regions (id),
    booking_id          uuid NOT NULL REFERENCES bookings (id),
    period              integer NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('invoice', 'credit')),
    credits_invoice_id  uuid NULL REFERENCES invoices (id),
    refund_id           text NULL UNIQUE,
    supplier_id         uuid NOT NULL,
    sequence            integer NOT NULL CHECK (sequence >= 1),
    number              text NOT NULL,
    issued_at           timestamptz NOT NULL,
    supplied_on         date NOT NULL,
    supplier_name       text NOT NULL,
    supplier_street     text NOT NULL,
    supplier_postcode   text NOT NULL,
    supplier_city       text NOT NULL,
    supplier_kvk        text NOT NULL,
    supplier_vat        text NOT NULL,
    customer_id         uuid NOT NULL,
    customer_name       text NOT NULL,
    customer_street     text NOT NULL,
    customer_postcode   text NOT NULL,
    customer_city       text NOT NULL,
    customer_kvk        text NOT NULL,
    customer_vat        text NOT NULL,
    description         text NOT NULL,
    quantity            integer NOT NULL CHECK (quantity >= 1),
    unit                text NOT NULL CHECK (unit IN ('fixed', 'per_hour', 'per_month')),
    unit_price_cents    bigint NOT NULL,
    unit_price_net_cents bigint NOT NULL,
    vat_rate            integer NULL CHECK (vat_rate IN (0, 9, 21)),
    vat_exemption       text NOT NULL,
    net_cents           bigint NOT NULL,
    vat_cents           bigint NOT NULL,
    total_cents         bigint NOT NULL,
    payment_intent_id   text NULL,
    UNIQUE (supplier_id, sequence),
    UNIQUE (supplier_id, number),
    FOREIGN KEY (booking_id, period) REFERENCES booking_periods (booking_id, period),
    CHECK (net_cents + vat_cents = total_cents),
    CHECK ((kind = 'credit') = (credits_invoice_id IS NOT NULL)),
    CHECK ((vat_rate IS NULL) = (vat_exemption <> ''))
);
CREATE UNIQUE INDEX invoices_period_idx ON invoices (booking_id, period) WHERE kind = 'invoice';
CREATE INDEX invoices_customer_idx ON invoices (customer_id, issued_at DESC);
CREATE INDEX invoices_supplier_idx ON invoices (supplier_id, issued_at DESC);
CREATE INDEX invoices_region_idx ON invoices (region_id, issued_at DESC);

-- +goose StatementBegin
CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an issued invoice does not change; issue a credit invoice' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER invoices_no_change BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_immutable();

-- +goose Down
DROP TABLE invoices;
DROP FUNCTION invoices_immutable();
DROP TABLE invoice_counters;
ALTER TABLE booking_periods DROP COLUMN transfer_account, DROP COLUMN platform_fee_cents;
ALTER TABLE services DROP CONSTRAINT services_vat_check, DROP COLUMN vat_exemption, DROP COLUMN vat_rate;
DROP VIEW invoice_parties;
ALTER TABLE regions DROP COLUMN vat_number, DROP COLUMN kvk_number, DROP COLUMN city, DROP COLUMN postcode, DROP COLUMN street, DROP COLUMN legal_name;
ALTER TABLE organisations DROP COLUMN vat_number, DROP COLUMN city, DROP COLUMN street;
