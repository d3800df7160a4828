import { env } from '$env/dynamic/private';

/**
 * Who runs this instance, for the legal pages: set by the operator in the environment (README,
 * "Configuration"); until then the pages say plainly that it is not filled in.
 */
export function instanceOperator() {
  const missing = 'non renseigné par l’exploitant de l’instance';
  return {
    name: env.OPERATOR_NAME || missing,
    address: env.OPERATOR_ADDRESS || missing,
    director: env.PUBLICATION_DIRECTOR || missing,
    host: env.HOSTING_PROVIDER || missing,
    dataContact: env.DATA_PROTECTION_CONTACT || missing,
  };
}
