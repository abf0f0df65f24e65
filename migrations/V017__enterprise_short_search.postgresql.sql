-- Enterprise search by one or two characters (GET /enterprises?q=化工): pg_trgm cannot use its index for a text
-- shorter than three characters, so such a search read every row in scope. This GIN index holds, per enterprise,
-- the characters of its name, credit code and addresses, lowered as ILIKE compares (string_to_array with a NULL
-- delimiter splits a text into its characters; all built in, so the index costs little per write). One character is
-- found exactly; two characters find the rows holding both, which ILIKE then checks for the pair.
CREATE INDEX enterprises_characters ON enterprises
  USING gin (string_to_array(lower(name || credit_code || registered_address || business_address), NULL));
