/** Files that are not DECP at all: a clear French reason, nothing imported. */
import { describe, expect, it } from 'vitest';
import { parseDecp } from './parse-decp.js';

const record = {
  id: 'R1',
  acheteur: { id: '21000000000013' },
  objet: 'x',
  dateNotification: '2024-01-01',
  montant: 1000,
  dureeMois: 1,
  titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: '40000000000010' } }],
};
const complete = JSON.stringify({ marches: { marche: [record, record] } }, null, 2);
const completeXml = `<?xml version="1.0" encoding="UTF-8"?>
<marches>
  <marche><id>R1</id><acheteur><id>21000000000013</id></acheteur><dateNotification>2024-01-01</dateNotification><montant>1000</montant></marche>
  <marche><id>R2</id><acheteur><id>21000000000013</id></acheteur><dateNotification>2024-01-01</dateNotification><montant>1000</montant></marche>
</marches>`;

describe('fichiers refusés', () => {
  it.each([
    ['fichier vide', '', 'Le fichier est vide.'],
    ['espaces seulement', ' \n\t ', 'Le fichier est vide.'],
    ['texte quelconque', 'Bonjour, voici les marchés', /^Ce fichier n’est ni du JSON ni du XML/],
    ['CSV', 'id;acheteur_id;montant\n2024T01;21000000000013;1000', /^Ce fichier n’est ni du JSON ni du XML/],
    ['octets d’un PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj', 'latin1'), 'Ce fichier est un PDF, pas un fichier DECP (JSON ou XML).'],
    ['archive ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), /^Ce fichier est une archive ZIP/],
    ['fichier gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), /^Ce fichier est compressé \(gzip\)/],
    ['JSON valide sans « marches »', JSON.stringify({ data: [record] }), 'Ce JSON n’est pas un fichier DECP : la clé « marches » est absente à la racine.'],
    ['JSON tableau à la racine', JSON.stringify([record]), 'Ce JSON n’est pas un fichier DECP : la clé « marches » est absente à la racine.'],
    ['« marches » de forme inconnue', JSON.stringify({ marches: { autre: [] } }), /^Ce JSON n’est pas un fichier DECP : « marches » n’est ni une liste/],
    ['JSON tronqué (fin de fichier)', complete.slice(0, Math.floor(complete.length / 2)), /^Le fichier JSON est tronqué/],
    ['JSON tronqué au milieu d’une chaîne', '{"marches": {"marche": [{"id": "R1", "objet": "Nettoy', /^Le fichier JSON est tronqué/],
    ['JSON mal formé', '{"marches": {"marche": [}\n]}', /^Le fichier JSON est mal formé/],
    ['XML tronqué', completeXml.slice(0, Math.floor(completeXml.length * 0.7)), /^Le fichier XML est tronqué ou incomplet/],
    ['XML mal formé', '<marches><marche><id>R1</marche></marches>', 'Le fichier XML est mal formé (ligne 1, colonne 24).'],
    ['JSON mal formé avec position', '{"marches": {"marche": [{"id": 12,}]}}', 'Le fichier JSON est mal formé (ligne 1, colonne 35).'],
    ['XML d’une autre nature', '<?xml version="1.0"?><facture><numero>12</numero></facture>', 'Ce XML n’est pas un fichier DECP : l’élément racine est <facture> au lieu de <marches>.'],
    ['XML piégé (élément « __proto__ »)', '<marches><marche><__proto__>x</__proto__></marche></marches>', /^Le fichier XML est illisible/],
    ['page HTML', '<!DOCTYPE html><html><body>Erreur 404</body></html>', /^Ce fichier est une page web \(HTML\)/],
    ['aucun enregistrement (2019)', JSON.stringify({ marches: [] }), 'Le fichier ne contient aucun marché ni contrat de concession.'],
    ['aucun enregistrement (2022)', JSON.stringify({ marches: { marche: [] } }), 'Le fichier ne contient aucun marché ni contrat de concession.'],
    ['aucun enregistrement (XML)', '<marches></marches>', 'Le fichier ne contient aucun marché ni contrat de concession.'],
  ])('%s', (_, content, reason) => {
    const result = parseDecp(content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(typeof reason === 'string' ? new RegExp(`^${escape(reason)}$`) : reason);
  });

  it('les mêmes fichiers complets sont acceptés (les cas tronqués viennent bien de la coupure)', () => {
    expect(parseDecp(complete).ok).toBe(true);
    expect(parseDecp(completeXml).ok).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
