import { Type, type Static } from 'typebox';
import { Code, CodeList, Id, ListQuery, Name, Strict, StrictPartial } from '../common';

export const Seller = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  /** Empty means every store. */
  storeCodes: CodeList,
  active: Type.Boolean(),
});
export type Seller = Static<typeof Seller>;

/** What a seller's body sets, as on create. */
const sellerFields = {
  name: Name,
  storeCodes: Type.Optional(CodeList),
  active: Type.Optional(Type.Boolean()),
};

export const SellerCreate = Strict({ code: Code, ...sellerFields });
export type SellerCreate = Static<typeof SellerCreate>;

export const SellerUpdate = StrictPartial(sellerFields);
export type SellerUpdate = Static<typeof SellerUpdate>;

export const OperatorRole = Type.Union([Type.Literal('cashier'), Type.Literal('supervisor')]);
export type OperatorRole = Static<typeof OperatorRole>;

/** 4 to 8 digits. Write-only: stored hashed, never returned by the admin API. */
export const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });

export const Operator = Type.Object({
  id: Id,
  code: Code,
  name: Name,
  role: OperatorRole,
  storeCodes: CodeList,
  active: Type.Boolean(),
});
export type Operator = Static<typeof Operator>;

/**
 * An operator as stations receive it (snapshot and changes): the admin shape plus the PIN hash,
 * so the register can check a PIN offline with `verifyPin`. Never answered by the admin API.
 */
export const SyncOperator = Type.Object({ ...Operator.properties, pinHash: Type.String() });
export type SyncOperator = Static<typeof SyncOperator>;

/** What an operator's body sets, as on create. */
const operatorFields = {
  name: Name,
  role: OperatorRole,
  pin: Pin,
  storeCodes: Type.Optional(CodeList),
  active: Type.Optional(Type.Boolean()),
};

export const OperatorCreate = Strict({ code: Code, ...operatorFields });
export type OperatorCreate = Static<typeof OperatorCreate>;

export const OperatorUpdate = StrictPartial(operatorFields);
export type OperatorUpdate = Static<typeof OperatorUpdate>;

/** `GET /operators`: the common list query, plus one role. */
export const OperatorListQuery = Strict({
  ...ListQuery.properties,
  role: Type.Optional(OperatorRole),
});
export type OperatorListQuery = Static<typeof OperatorListQuery>;
