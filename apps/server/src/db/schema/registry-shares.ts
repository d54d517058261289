/**
 * A transfer of a stay to another country, offered through a share of the person (shares.id) and
 * completed when the receiving country accepts: the person then has a stay there, linked here to
 * the stay it continues.
 */
export interface RegistryAbroadTransfersTable {
  share_id: string;
  origin_stay_id: string;
  origin_country: string;
  to_country: string;
  /** The receiving country's record of the person and its stay, once accepted. */
  received_person_id: string | null;
  received_stay_id: string | null;
}
