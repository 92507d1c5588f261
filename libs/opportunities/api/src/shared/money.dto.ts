import { maxMoneyAmount } from '@meridian/opportunities/domain';
import { MoneyType } from '@meridian/platform/nest';

export class MoneyDto extends MoneyType({ example: 125000, maximum: maxMoneyAmount }) {}
