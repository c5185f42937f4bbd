import type { ErrorCode } from '@storelink/contracts';

/** `network_error`: the call never reached the server; `unknown`: a code this console does not know. */
type Words = Record<ErrorCode | 'network_error' | 'unknown', string>;

/**
 * The API's stable error codes (contracts `errorCatalog`) in plain words. Typed against the
 * catalog, so a new code fails the typecheck until it is worded here.
 */
export const errorCodeWords: Record<'pt-BR' | 'en', Words> = {
  'pt-BR': {
    validation_failed: 'Alguns dados não estão corretos. Corrija os campos indicados.',
    pairing_code_invalid: 'Código de pareamento inválido, já usado ou vencido. Emita um novo código.',
    unauthorized: 'Sua sessão não é válida. Entre novamente.',
    forbidden: 'Seu perfil não permite esta ação. Fale com um administrador.',
    integration_disabled: 'A integração está desligada para o grupo desta estação.',
    station_inactive: 'A estação está desativada.',
    not_found: 'Registro não encontrado. Ele pode ter sido removido ou o endereço está errado.',
    conflict:
      'Já existe um registro com este código (ou código de barras), ou a alteração conflita com outro cadastro.',
    seq_gap: 'Há movimentos faltando na sequência enviada.',
    cursor_expired: 'Os dados da estação estão antigos demais; ela precisa de uma nova carga completa.',
    payload_too_large: 'O arquivo ou os dados enviados são grandes demais.',
    station_version_unsupported: 'A versão da estação é anterior à mínima exigida.',
    rate_limited: 'Muitas tentativas. Aguarde um minuto e tente de novo.',
    unavailable: 'O servidor não conseguiu concluir agora. Tente de novo em instantes.',
    invalid_pin: 'Código do operador ou PIN incorretos.',
    till_not_open: 'O caixa não está aberto.',
    till_already_open: 'Já existe um caixa aberto nesta estação.',
    unknown_barcode: 'Código de barras não encontrado.',
    payments_insufficient: 'Os pagamentos não cobrem o total da venda.',
    change_not_allowed: 'Este tipo de pagamento não permite troco.',
    condition_not_allowed: 'Condição de pagamento não permitida.',
    voucher_unknown: 'Vale-troca não encontrado nesta loja.',
    voucher_insufficient: 'O saldo do vale-troca é insuficiente.',
    voucher_used: 'O vale-troca já foi usado.',
    supervisor_required: 'Esta ação exige código e PIN de um supervisor.',
    already_cancelled: 'Já cancelado.',
    reason_not_allowed: 'Motivo financeiro não permitido aqui.',
    payment_type_not_allowed: 'O grupo desta estação não aceita este tipo de pagamento.',
    unknown_payment_type: 'Tipo de pagamento desconhecido nesta estação.',
    network_error: 'Sem conexão com o servidor. Verifique a rede e tente de novo.',
    unknown: 'O servidor recusou a operação.',
  },
  en: {
    validation_failed: 'Some data is not valid. Fix the fields shown.',
    pairing_code_invalid: 'The pairing code is wrong, used or expired. Issue a new code.',
    unauthorized: 'Your session is not valid. Log in again.',
    forbidden: 'Your role cannot do this. Ask an admin.',
    integration_disabled: "The integration is switched off for this station's group.",
    station_inactive: 'The station is deactivated.',
    not_found: 'Record not found. It may have been removed, or the address is wrong.',
    conflict:
      'A record with this code (or barcode) already exists, or the change conflicts with another record.',
    seq_gap: 'Movements are missing from the sequence sent.',
    cursor_expired: "The station's data is too old; it needs a full reload.",
    payload_too_large: 'The file or data sent is too large.',
    station_version_unsupported: 'The station runs a version below the required minimum.',
    rate_limited: 'Too many attempts. Wait a minute and try again.',
    unavailable: 'The server could not finish right now. Try again in a moment.',
    invalid_pin: 'Wrong operator code or PIN.',
    till_not_open: 'The till is not open.',
    till_already_open: 'A till is already open on this station.',
    unknown_barcode: 'Barcode not found.',
    payments_insufficient: 'The payments do not cover the sale total.',
    change_not_allowed: 'This payment type gives no change.',
    condition_not_allowed: 'Payment condition not allowed.',
    voucher_unknown: 'No such voucher in this store.',
    voucher_insufficient: "The voucher's balance is too low.",
    voucher_used: 'The voucher was already used.',
    supervisor_required: "This needs a supervisor's code and PIN.",
    already_cancelled: 'Already cancelled.',
    reason_not_allowed: 'This financial reason is not allowed here.',
    payment_type_not_allowed: "The station's group does not accept this payment type.",
    unknown_payment_type: 'No such payment type at this station.',
    network_error: 'No connection to the server. Check the network and try again.',
    unknown: 'The server refused the operation.',
  },
};
