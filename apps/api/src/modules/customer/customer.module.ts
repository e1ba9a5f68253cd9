import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Customer } from './customer.entity';
import { CustomerService } from './customer.service';

/**
 * The complainant records (written by complaint intake). Not global: a module that reads customers imports this
 * module and uses CustomerService (docs/architecture.md, "Module boundaries").
 */
@Module({
  imports: [TypeOrmModule.forFeature([Customer])],
  providers: [CustomerService],
  exports: [CustomerService],
})
export class CustomerModule {}
