import { maxMoneyAmount } from '@meridian/orders/domain';
import { MoneyType } from '@meridian/platform/nest';

export class OrderMoneyDto extends MoneyType({ example: 349.99, maximum: maxMoneyAmount }) {}
