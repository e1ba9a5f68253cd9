import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Customer } from './customer.entity';

/**
 * Read access to the complainant records for other modules (notices, exports, the portal): the customer table is
 * this module's, so they ask here instead of opening its repository. Rows come back as stored (personal fields
 * still ciphertext); decrypting stays with the caller that needs the clear value.
 */
@Injectable()
export class CustomerService {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  /** The tenant's customer with this id, or null (another tenant's id finds nothing). */
  find(tenantId: string, id: string): Promise<Customer | null> {
    return this.customers.findOne({ where: { id, tenantId } });
  }

  /** The tenant's customers with these ids, by id; unknown ids are absent from the map. */
  async findMany(tenantId: string, ids: Iterable<string>): Promise<Map<string, Customer>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const rows = await this.customers.find({ where: { tenantId, id: In(wanted) } });
    return new Map(rows.map((c) => [c.id, c]));
  }
}
